import "server-only";
// Two runs aligned step by step (lib/retro diffTraces), deltas b − a, for the API and the diff page. `b`
// may be "baseline": the most similar successful run of a's task in the 7 days before a (./baseline.ts).
import type { ProjectScope } from "@/lib/data/scope";
import { diffIndexedTraces, indexTrace, type TraceDiff, type TraceIndex } from "@/lib/retro";
import type { TraceSummary } from "@/lib/trace/types";
import { findBaseline } from "./baseline";
import { loadRetroTrace } from "./retro-trace";

export type RunDiff = { a: TraceSummary; b: TraceSummary } & TraceDiff;

export type RunDiffResult =
  | { ok: true; diff: RunDiff; /** The two runs' indexed spans, for views that show more than the diff. */ indexes: { a: TraceIndex; b: TraceIndex } }
  | { ok: false; side: "a" | "b"; message: string };

export async function diffRunPair(scope: ProjectScope, a: string, b: string): Promise<RunDiffResult> {
  let bId = b;
  if (b === "baseline") {
    const baseline = await findBaseline(scope, a);
    if (!baseline.found) {
      return baseline.reason === "no-trace"
        ? { ok: false, side: "a", message: `trace ${a} not found` }
        : { ok: false, side: "b", message: `no successful run of task "${baseline.task}" in the 7 days before trace ${a} to compare with` };
    }
    bId = baseline.traceId;
  }
  const [runA, runB] = await Promise.all([loadRetroTrace(scope, a, "diff"), loadRetroTrace(scope, bId, "diff")]);
  if (!runA) return { ok: false, side: "a", message: `trace ${a} not found` };
  if (!runB) return { ok: false, side: "b", message: `trace ${bId} not found` };
  const indexes = { a: indexTrace(runA.spans), b: indexTrace(runB.spans) };
  return { ok: true, diff: { a: runA.trace, b: runB.trace, ...diffIndexedTraces(indexes.a, indexes.b) }, indexes };
}
