"use client";
// One evaluator's buttons on the Evaluators page: enable or disable it, backfill it over a time range
// (the last 24 hours unless changed), delete it. Each answers with a short message.
import { useState, useTransition } from "react";
import { inputClass } from "@/components/ui/form-parts";
import type { EvaluatorActionResult } from "@/lib/forms/evaluator-form";

type Props = {
  name: string;
  enabled: boolean;
  setEnabled: (enabled: boolean) => Promise<EvaluatorActionResult>;
  backfill: (range: { from: string; to: string }) => Promise<EvaluatorActionResult>;
  remove: () => Promise<EvaluatorActionResult>;
};

const toLocalInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/** The typed local time as ISO 8601 (an unreadable one goes as typed: the server names the problem). */
const toIso = (local: string) => (Number.isNaN(Date.parse(local)) ? local : new Date(local).toISOString());

export function EvaluatorActions({ name, enabled, setEnabled, backfill, remove }: Props) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [range, setRange] = useState(() => ({ from: toLocalInput(Date.now() - 86_400_000), to: toLocalInput(Date.now() + 60_000) }));
  const run = (action: () => Promise<EvaluatorActionResult>) => startTransition(async () => setMessage((await action()).message));
  const button = "rounded border border-line px-2 py-1 text-xs hover:bg-surface-hover disabled:opacity-50";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        disabled={isPending}
        onClick={() => run(() => setEnabled(!enabled))}
        aria-label={`${enabled ? "Disable" : "Enable"} ${name}`}
      >
        {enabled ? "Disable" : "Enable"}
      </button>
      <input
        type="datetime-local"
        aria-label={`Backfill ${name} from`}
        value={range.from}
        onChange={(e) => setRange({ ...range, from: e.target.value })}
        className={`${inputClass} w-auto text-xs`}
      />
      <input
        type="datetime-local"
        aria-label={`Backfill ${name} to`}
        value={range.to}
        onChange={(e) => setRange({ ...range, to: e.target.value })}
        className={`${inputClass} w-auto text-xs`}
      />
      <button
        type="button"
        className={button}
        disabled={isPending}
        onClick={() => run(() => backfill({ from: toIso(range.from), to: toIso(range.to) }))}
        aria-label={`Backfill ${name}`}
      >
        Backfill
      </button>
      <button
        type="button"
        className={`${button} text-danger`}
        disabled={isPending}
        onClick={() => {
          if (window.confirm(`Delete ${name}? Its scores stay.`)) run(remove);
        }}
        aria-label={`Delete ${name}`}
      >
        Delete
      </button>
      {message ? (
        <span role="status" className="text-xs text-fg-muted">
          {message}
        </span>
      ) : null}
    </div>
  );
}
