"use client";

import { memo, useState } from "react";
import { StepChanges, type LoadStepChanges } from "@/components/retro/step-changes";
import { TONE_CLASS } from "@/components/retro/diff-runs-header";
import { KindIcon } from "@/components/trace/kind-icon";
import { deltaTone, formatCostDelta, formatCountDelta, formatDurationDelta } from "@/lib/format/deltas";
import type { DiffStep, StepRef } from "@/lib/retro/types";

type Props = {
  traceIdA: string;
  traceIdB: string;
  steps: readonly DiffStep[];
  /** Tree depth of each step, for indentation. */
  depths: readonly number[];
  loadChanges: LoadStepChanges;
};

const STATUS_STYLE: Record<DiffStep["status"], string> = {
  same: "text-fg-muted",
  changed: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  added: "bg-ok/10 text-ok",
  removed: "bg-danger/10 text-danger",
};
const INDENT_PX = 14;
const MAX_INDENT_DEPTH = 16;

/** The aligned steps of two runs, unchanged ones hidden unless asked for; a changed step opens its text diffs. */
export function DiffSteps({ traceIdA, traceIdB, steps, depths, loadChanges }: Props) {
  const [isShowingSame, setShowingSame] = useState(false);
  const sameCount = steps.filter((s) => s.status === "same").length;
  const shown = steps.map((step, index) => ({ step, index })).filter(({ step }) => isShowingSame || step.status !== "same");
  return (
    <section className="flex flex-col gap-2" aria-label="Steps">
      <div className="flex items-center gap-2 text-xs text-fg-muted">
        <span>
          {steps.length.toLocaleString("en-US")} steps: {count(steps, "changed")} changed, {count(steps, "added")} added, {count(steps, "removed")} removed,{" "}
          {sameCount} unchanged
        </span>
        {sameCount > 0 ? (
          <button
            type="button"
            className="rounded border border-line px-2 py-0.5 hover:bg-muted"
            onClick={() => setShowingSame((v) => !v)}
            data-testid="toggle-same"
          >
            {isShowingSame ? "Hide unchanged steps" : "Show unchanged steps"}
          </button>
        ) : null}
      </div>
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full text-xs" data-testid="diff-steps">
          <thead className="bg-surface text-fg-muted">
            <tr>
              <th className="px-2 py-1.5 text-left font-medium">Step</th>
              <th className="px-2 py-1.5 text-left font-medium">A</th>
              <th className="px-2 py-1.5 text-left font-medium">B</th>
              <th className="px-2 py-1.5 text-right font-medium">Δ duration</th>
              <th className="px-2 py-1.5 text-right font-medium">Δ cost</th>
              <th className="px-2 py-1.5 text-right font-medium">Δ tokens</th>
              <th className="px-2 py-1.5 text-left font-medium">Changed</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {shown.map(({ step, index }) => (
              <StepRow key={index} step={step} depth={depths[index] ?? 0} traceIdA={traceIdA} traceIdB={traceIdB} loadChanges={loadChanges} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const count = (steps: readonly DiffStep[], status: DiffStep["status"]) => steps.filter((s) => s.status === status).length;

const StepRow = memo(function StepRow({
  step,
  depth,
  traceIdA,
  traceIdB,
  loadChanges,
}: {
  step: DiffStep;
  depth: number;
  traceIdA: string;
  traceIdB: string;
  loadChanges: LoadStepChanges;
}) {
  const [isOpen, setOpen] = useState(false);
  const ref = step.b ?? step.a!;
  const tokens = step.deltas.inputTokens + step.deltas.outputTokens;
  return (
    <>
      <tr data-testid="diff-step" data-status={step.status}>
        <td className="px-2 py-1 whitespace-nowrap" style={{ paddingLeft: 8 + Math.min(depth, MAX_INDENT_DEPTH) * INDENT_PX }}>
          <span className="flex items-center gap-1">
            <KindIcon kind={ref.kind === "approval" ? "other" : ref.kind} />
            <span className={`rounded px-1 font-medium ${STATUS_STYLE[step.status]}`}>{step.status}</span>
          </span>
        </td>
        <td className="max-w-72 truncate px-2 py-1" title={step.a?.name}>
          <StepLabel step={step.a} />
        </td>
        <td className="max-w-72 truncate px-2 py-1" title={step.b?.name}>
          <StepLabel step={step.b} />
        </td>
        <td className={`px-2 py-1 text-right tabular-nums ${TONE_CLASS[deltaTone(step.deltas.durationMs)]}`}>{formatDurationDelta(step.deltas.durationMs)}</td>
        <td className={`px-2 py-1 text-right tabular-nums ${TONE_CLASS[deltaTone(step.deltas.costUsd)]}`}>{formatCostDelta(step.deltas.costUsd)}</td>
        <td className={`px-2 py-1 text-right tabular-nums ${TONE_CLASS[deltaTone(tokens)]}`}>{formatCountDelta(tokens)}</td>
        <td className="px-2 py-1">
          {step.changed.length > 0 ? (
            <button
              type="button"
              className="rounded border border-line px-1.5 hover:bg-muted"
              aria-expanded={isOpen}
              onClick={() => setOpen((v) => !v)}
              data-testid="open-changes"
            >
              {step.changed.join(", ")} {isOpen ? "▾" : "▸"}
            </button>
          ) : null}
        </td>
      </tr>
      {isOpen ? (
        <tr>
          <td colSpan={7} className="bg-surface px-3 py-2">
            <StepChanges
              a={step.a ? { traceId: traceIdA, spanId: step.a.spanId } : null}
              b={step.b ? { traceId: traceIdB, spanId: step.b.spanId } : null}
              fields={step.changed}
              load={loadChanges}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
});

function StepLabel({ step }: { step: StepRef | null }) {
  if (!step) return <span className="text-fg-muted">—</span>;
  const detail = step.model ?? step.toolName ?? step.agentName;
  return (
    <span>
      {step.name}
      {detail && !step.name.includes(detail) ? <span className="text-fg-muted"> · {detail}</span> : null}
    </span>
  );
}
