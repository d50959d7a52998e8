"use client";
// Reviewing one run: the queue's labels as buttons with keys 1–9 (or a value for range queues), an
// optional failure-mode tag and note, and skip (key S). Keys are ignored while typing in a field. After a
// submit the page is refreshed, and the server shows the next pending run.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { inputClass } from "@/components/ui/form-parts";
import type { ReviewActionResult } from "@/lib/forms/review-form";

type Props = {
  itemId: string;
  labels: string[] | null;
  range: [number, number] | null;
  submit: (itemId: string, body: unknown) => Promise<ReviewActionResult>;
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function ReviewPanel({ itemId, labels, range, submit }: Props) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [failureMode, setFailureMode] = useState("");
  const [comment, setComment] = useState("");
  const [value, setValue] = useState("");
  const busy = useRef(false);

  const send = useCallback(
    (verdict: { label: string } | { value: number } | { skip: true }) => {
      if (busy.current) return;
      busy.current = true;
      const body =
        "skip" in verdict
          ? { skip: true, ...(comment.trim() ? { comment } : {}) }
          : { ...verdict, ...(failureMode.trim() ? { failureMode } : {}), ...(comment.trim() ? { comment } : {}) };
      startTransition(async () => {
        const result = await submit(itemId, body);
        if (result.ok) {
          setError(null);
          setFailureMode("");
          setComment("");
          setValue("");
          router.refresh();
        } else setError(result.message);
        busy.current = false;
      });
    },
    [comment, failureMode, itemId, router, submit],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key.toLowerCase() === "s") {
        event.preventDefault();
        send({ skip: true });
        return;
      }
      const index = Number(event.key) - 1;
      const label = labels && Number.isInteger(index) && index >= 0 ? labels[index] : undefined;
      if (label !== undefined) {
        event.preventDefault();
        send({ label });
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [labels, send]);

  return (
    <section
      className="flex flex-col gap-2 border-b border-line bg-surface p-3"
      aria-label="Review"
      data-testid="review-panel"
      data-item-id={itemId}
      aria-busy={isPending}
    >
      <div className="flex flex-wrap items-center gap-2">
        {labels ? (
          labels.map((label, i) => (
            <button
              key={label}
              type="button"
              disabled={isPending}
              onClick={() => send({ label })}
              className="rounded border border-line bg-bg px-3 py-1.5 text-sm hover:border-accent disabled:opacity-50"
            >
              <kbd className="mr-1.5 rounded bg-surface px-1 text-xs text-fg-muted">{i + 1}</kbd>
              {label}
            </button>
          ))
        ) : (
          <form
            className="flex items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const number = Number(value);
              if (value.trim() === "" || !Number.isFinite(number)) setError(`value: give a number in [${range?.[0]}, ${range?.[1]}]`);
              else send({ value: number });
            }}
          >
            <input
              aria-label={`Value (${range?.[0]}–${range?.[1]})`}
              className={`${inputClass} w-28`}
              inputMode="decimal"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              placeholder={`${range?.[0]}–${range?.[1]}`}
            />
            <button type="submit" disabled={isPending} className="rounded bg-accent px-3 py-1.5 text-sm text-white disabled:opacity-50">
              Save
            </button>
          </form>
        )}
        <button
          type="button"
          disabled={isPending}
          onClick={() => send({ skip: true })}
          className="rounded px-3 py-1.5 text-sm text-fg-muted hover:text-fg disabled:opacity-50"
        >
          <kbd className="mr-1.5 rounded bg-bg px-1 text-xs">S</kbd>
          Skip
        </button>
      </div>
      <div className="flex flex-wrap gap-2">
        <input
          aria-label="Failure mode"
          className={`${inputClass} max-w-56`}
          placeholder="Failure mode (optional)"
          value={failureMode}
          onChange={(event) => setFailureMode(event.target.value)}
        />
        <input
          aria-label="Note"
          className={`${inputClass} max-w-xl flex-1`}
          placeholder="Note (optional)"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
