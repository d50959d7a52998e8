import "server-only";
// GET /api/v1/graph: the pipeline map of a range, read from the `graph.edge` rollups kept at ingest
// (lib/analytics/graph), never from spans. Whole days inside the range come from daily rows, the hours
// at either end from hourly rows, so 30 days cost ~30 rows per edge. Rows are kept per task and edge
// (`graph.edge`); a map of every task reads its whole days from the rows summed over tasks
// (`graph.edge_all`, kept by day only: ingest writes a quarter fewer rows) and sums its hours' task rows.
// Approval gates come from the approval rollups of the same hours and days (graph-gates.ts).
import { alignDown, alignUp, GRANULARITY_MS, type Granularity } from "@/lib/analytics/buckets";
import { buildGraph, type EdgeRow, type GraphFilter, type PipelineGraph } from "@/lib/analytics/graph/graph-build";
import { compareGraphs, type GraphComparison } from "@/lib/analytics/graph/graph-compare";
import { withApprovalGates, type GateRow } from "@/lib/analytics/graph/graph-gates";
import type { GraphQuery } from "@/lib/analytics/graph/graph-params";
import { readApprovalRollups } from "@/lib/data/governance/approval-metrics";
import type { ProjectScope } from "@/lib/data/scope";
import { readRollupRows } from "@/lib/data/analytics/rollup-rows";

const [HOUR, DAY] = [GRANULARITY_MS["1h"], GRANULARITY_MS["1d"]];

/** The rollup slices covering the whole hours that overlap [fromMs, toMs). */
export function graphSlices(fromMs: number, toMs: number): { granularity: Granularity; startMs: number; endMs: number }[] {
  const [startMs, endMs] = [alignDown(fromMs, HOUR), alignUp(toMs, HOUR)];
  const [dayStart, dayEnd] = [alignUp(startMs, DAY), alignDown(endMs, DAY)];
  if (dayStart >= dayEnd) return [{ granularity: "1h", startMs, endMs }];
  return [
    { granularity: "1h" as const, startMs, endMs: dayStart },
    { granularity: "1d" as const, startMs: dayStart, endMs: dayEnd },
    { granularity: "1h" as const, startMs: dayEnd, endMs },
  ].filter((s) => s.startMs < s.endMs);
}

async function readGraph(scope: ProjectScope, fromMs: number, toMs: number, filter: GraphFilter): Promise<PipelineGraph> {
  const [rows, gates]: [EdgeRow[], GateRow[]] = [[], []];
  for (const slice of graphSlices(fromMs, toMs)) {
    const dimension = filter.task === undefined && slice.granularity === "1d" ? "graph.edge_all" : "graph.edge";
    const query = { dimension, ...slice, numbers: ["count", "errorCount", "costUsd"] as const, withBins: true };
    rows.push(...(await readRollupRows(scope, query, (group, _ms, n, bins): EdgeRow => ({ group, count: n[0]!, errorCount: n[1]!, costUsd: n[2]!, bins }))));
    gates.push(...(await readApprovalRollups(scope, { dimension: "gate", ...slice })));
  }
  return withApprovalGates(buildGraph(rows, filter), gates, filter);
}

export type GraphAnswer = PipelineGraph & { comparison?: GraphComparison };

export async function getPipelineGraph(scope: ProjectScope, query: GraphQuery): Promise<GraphAnswer> {
  const filter: GraphFilter = { ...(query.task !== undefined ? { task: query.task } : {}), ...(query.agent !== undefined ? { agent: query.agent } : {}) };
  const graph = await readGraph(scope, query.fromMs, query.toMs, filter);
  if (!query.compare) return graph;
  const previous = await readGraph(scope, query.compare.fromMs, query.compare.toMs, filter);
  return { ...graph, comparison: compareGraphs(previous, graph) };
}
