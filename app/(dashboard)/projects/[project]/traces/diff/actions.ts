"use server";
// The text diffs of one changed step of the trace diff, loaded when the reader opens it: the page ships
// only the aligned steps, not every prompt and output of both runs. Authorised like the page.
import { authorizeAction } from "@/lib/auth/require-action";
import { getSpanDetail } from "@/lib/data/traces/trace-detail";
import type { ChangedField } from "@/lib/retro/types";
import { describeStepChanges, type StepChange, type StepSide } from "@/lib/trace/step-changes";

const FIELDS: readonly ChangedField[] = ["model", "input", "arguments", "output", "status"];

/** The changes of `fields` between the two spans; null when they may not be read. */
export async function loadStepChanges(projectSlug: string, a: StepSide, b: StepSide, fields: ChangedField[]): Promise<StepChange[] | null> {
  const auth = await authorizeAction(projectSlug, "read");
  if (!auth.ok) return null;
  const [spanA, spanB] = await Promise.all([
    a ? getSpanDetail(auth.caller.scope, a.traceId, a.spanId) : null,
    b ? getSpanDetail(auth.caller.scope, b.traceId, b.spanId) : null,
  ]);
  return describeStepChanges(
    spanA,
    spanB,
    fields.filter((field) => FIELDS.includes(field)),
  );
}
