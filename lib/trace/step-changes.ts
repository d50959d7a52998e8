// What changed between two aligned steps of a trace diff, as text diffs (lib/retro textDiff) of the fields
// the diff named: model, prompt/input (arguments for tools), output, status. Span content is untrusted:
// the parts are plain text for the UI to render as text. Pure.
import { textDiff, type ChangedField, type TextDiff } from "@/lib/retro";
import type { Span } from "@/lib/trace/types";

export type StepChange = { field: ChangedField; diff: TextDiff };

/** One side of an aligned step: the span in its trace, or null for an added or removed step. */
export type StepSide = { traceId: string; spanId: string } | null;

type Side = Pick<Span, "model" | "input" | "output" | "status" | "statusMessage"> | null;

const statusText = (span: Side) => (span ? `${span.status}${span.statusMessage ? `: ${span.statusMessage}` : ""}` : "");

const VALUE: Record<ChangedField, (span: Side) => unknown> = {
  model: (span) => span?.model ?? "",
  input: (span) => span?.input ?? null,
  arguments: (span) => span?.input ?? null,
  output: (span) => span?.output ?? null,
  status: statusText,
};

/** The text diff of each changed field, in the order given. */
export function describeStepChanges(a: Side, b: Side, fields: readonly ChangedField[]): StepChange[] {
  return fields.map((field) => ({ field, diff: textDiff(VALUE[field](a), VALUE[field](b)) }));
}
