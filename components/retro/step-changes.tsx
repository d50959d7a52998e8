"use client";

import { useEffect, useState } from "react";
import type { ChangedField } from "@/lib/retro/types";
import type { StepChange, StepSide } from "@/lib/trace/step-changes";

/** Server action returning the text diffs of a step's changed fields (null when not allowed). */
export type LoadStepChanges = (a: StepSide, b: StepSide, fields: ChangedField[]) => Promise<StepChange[] | null>;

const FIELD_LABELS: Record<ChangedField, string> = { model: "Model", input: "Prompt / input", arguments: "Arguments", output: "Output", status: "Status" };

/** The text diffs of one changed step, loaded when opened. Rendered as text: span content is never HTML. */
export function StepChanges({ a, b, fields, load }: { a: StepSide; b: StepSide; fields: ChangedField[]; load: LoadStepChanges }) {
  const [changes, setChanges] = useState<StepChange[] | null | "loading">("loading");
  useEffect(() => {
    let isCurrent = true;
    load(a, b, fields).then(
      (result) => isCurrent && setChanges(result),
      () => isCurrent && setChanges(null),
    );
    return () => {
      isCurrent = false;
    };
    // The step's identity, not the array instances, decides what to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a?.spanId, b?.spanId, fields.join(",")]);

  if (changes === "loading") return <p className="text-xs text-fg-muted">Loading the changes…</p>;
  if (!changes) return <p className="text-xs text-danger">The changes could not be loaded.</p>;
  return (
    <div className="flex flex-col gap-2" data-testid="step-changes">
      {changes.map(({ field, diff }) => (
        <div key={field} className="flex flex-col gap-1">
          <span className="text-xs font-medium">
            {FIELD_LABELS[field]}
            {diff.isWholeReplacement ? <span className="font-normal text-fg-muted"> (too different to compare line by line)</span> : null}
          </span>
          <pre
            className="max-h-96 overflow-auto rounded border border-line bg-bg p-2 font-mono text-[11px] break-words whitespace-pre-wrap"
            data-testid="text-diff"
          >
            {diff.parts.map((part, i) =>
              part.op === "equal" ? (
                <span key={i}>{part.text}</span>
              ) : part.op === "insert" ? (
                <ins key={i} className="bg-ok/15 text-ok no-underline">
                  {part.text}
                </ins>
              ) : (
                <del key={i} className="bg-danger/15 text-danger">
                  {part.text}
                </del>
              ),
            )}
          </pre>
        </div>
      ))}
    </div>
  );
}
