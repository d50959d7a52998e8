import "server-only";
// GET /api/v1/traces/diff?a=<traceId>&b=<traceId | "baseline">: two runs aligned step by step (lib/retro
// diffTraces), deltas b − a. `baseline` is the most similar successful run of a's task in the 7 days
// before a (lib/data/findings/baseline.ts).
import { badParameter, jsonError } from "@/lib/api/respond";
import { findBaseline } from "@/lib/data/findings/baseline";
import { loadRetroTrace } from "@/lib/data/findings/retro-trace";
import type { ProjectScope } from "@/lib/data/scope";
import { diffIndexedTraces, indexTrace, type TraceDiff } from "@/lib/retro";
import type { TraceSummary } from "@/lib/trace/types";

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

export type TraceDiffAnswer = { a: TraceSummary; b: TraceSummary } & TraceDiff;

type Parsed = { ok: true; a: string; b: string } | { ok: false; response: Response };

export function parseDiffParams(params: URLSearchParams): Parsed {
  for (const key of params.keys()) if (key !== "a" && key !== "b") return { ok: false, response: badParameter(key, "unknown parameter; allowed: a, b") };
  const a = params.get("a");
  const b = params.get("b");
  if (!a || !TRACE_ID.test(a)) return { ok: false, response: badParameter("a", "must be a trace id (32 hexadecimal characters)") };
  if (!b || (b !== "baseline" && !TRACE_ID.test(b)))
    return { ok: false, response: badParameter("b", 'must be a trace id (32 hexadecimal characters) or "baseline"') };
  return { ok: true, a: a.toLowerCase(), b: b === "baseline" ? b : b.toLowerCase() };
}

/** The diff of run a to run b (or a's baseline), or the 404 saying which is missing. */
export async function diffRuns(scope: ProjectScope, a: string, b: string): Promise<{ ok: true; diff: TraceDiffAnswer } | { ok: false; response: Response }> {
  let bId = b;
  if (b === "baseline") {
    const baseline = await findBaseline(scope, a);
    if (!baseline.found) {
      return {
        ok: false,
        response:
          baseline.reason === "no-trace"
            ? jsonError(404, `trace ${a} not found`, { parameter: "a" })
            : jsonError(404, `no successful run of task "${baseline.task}" in the 7 days before trace ${a} to compare with`, { parameter: "b" }),
      };
    }
    bId = baseline.traceId;
  }
  const [runA, runB] = await Promise.all([loadRetroTrace(scope, a), loadRetroTrace(scope, bId)]);
  if (!runA) return { ok: false, response: jsonError(404, `trace ${a} not found`, { parameter: "a" }) };
  if (!runB) return { ok: false, response: jsonError(404, `trace ${bId} not found`, { parameter: "b" }) };
  const diff = diffIndexedTraces(indexTrace(runA.spans), indexTrace(runB.spans));
  return { ok: true, diff: { a: runA.trace, b: runB.trace, ...diff } };
}
