import "server-only";
// The baseline of a run: the most similar successful run of its task (trace name) in the 7 days before it
// started, by step sequence (lib/retro pickBaseline). Candidates' sequences come from their analysis rows,
// so no candidate's spans are loaded; the newest MAX_CANDIDATES are compared.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { indexTrace, pickBaseline, stepSignature, type BaselineCandidate } from "@/lib/retro";
import { loadRetroSpans } from "./retro-spans";

export const BASELINE_WINDOW_MS = 7 * 86_400_000;
const MAX_CANDIDATES = 200;

type TraceKeys = { name: string; startNs: unknown };

export type BaselineAnswer =
  | { found: true; traceId: string; similarity: number }
  | { found: false; reason: "no-trace" }
  | { found: false; reason: "no-candidate"; task: string };

/** The baseline of `traceId`, or why there is none. */
export async function findBaseline(scope: ProjectScope, traceId: string): Promise<BaselineAnswer> {
  const sql = getSql();
  const [trace] = await sql.query<TraceKeys>(`SELECT "name", "startNs" FROM "traces" WHERE "projectId" = ? AND "traceId" = ?`, [scope.projectId, traceId]);
  if (!trace) return { found: false, reason: "no-trace" };
  const startNs = BigInt(trace.startNs as bigint);
  const rows = await sql.query<{ traceId: string; steps: string }>(
    `SELECT t."traceId", a."steps" FROM "traces" t
     JOIN "trace_analyses" a ON a."projectId" = t."projectId" AND a."traceId" = t."traceId"
     WHERE t."projectId" = ? AND t."name" = ? AND t."startNs" >= ? AND t."startNs" < ? AND t."traceId" <> ?
       AND t."status" <> 'error' AND t."failureMode" IS NULL
     ORDER BY t."startNs" DESC LIMIT ?`,
    [scope.projectId, trace.name, startNs - BigInt(BASELINE_WINDOW_MS) * 1_000_000n, startNs, traceId, MAX_CANDIDATES],
  );
  const candidates: BaselineCandidate[] = rows.map((row) => ({ traceId: String(row.traceId), steps: parseSteps(row.steps) }));
  const best = pickBaseline(await stepsOf(scope, traceId), candidates);
  return best ? { found: true, ...best } : { found: false, reason: "no-candidate", task: trace.name };
}

/** The run's step sequence: stored by its analysis, else computed from its spans (not analysed yet). */
async function stepsOf(scope: ProjectScope, traceId: string): Promise<string[]> {
  const [row] = await getSql().query<{ steps: string }>(`SELECT "steps" FROM "trace_analyses" WHERE "projectId" = ? AND "traceId" = ?`, [
    scope.projectId,
    traceId,
  ]);
  if (row) return parseSteps(row.steps);
  const index = indexTrace(await loadRetroSpans(scope, traceId, "timing"));
  return Array.from(index.preorder, (i) => stepSignature(index.spans[i]!, index.kinds[i]!));
}

function parseSteps(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((step): step is string => typeof step === "string") : [];
  } catch {
    return [];
  }
}
