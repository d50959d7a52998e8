import "server-only";
// GET /api/v1/metrics/cost: traces, cost and tokens per bucket and group, read from the ingest-time
// rollups (lib/data/analytics/rollup-writer.ts), never from spans. Unpriced calls add 0 (the trace list
// tells them apart). Rows come through the raw read connection (./rollup-rows.ts): grouping by user or
// session over 30 days at 1h returns ~40,000 rows, where Prisma's $queryRaw cost ~120 ms more.
//
// With `top`, the database ranks the groups and sums the rest per bucket (./cost-groups.ts), so only the
// top groups' rows are read one by one; every total stays what it was without `top`.
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { COST_DIMENSION, type CostGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildCostSeries, mergePoints, orderPoints, toCostPoint, type CostPoint, type CostRollup } from "@/lib/analytics/series";
import type { ProjectScope } from "@/lib/data/scope";
import { rankCostGroups, readOtherCost } from "./cost-groups";
import { readRollupRows, type RollupRowsQuery } from "./rollup-rows";

/** `top`: keep the costliest groups of the range and fold the others into "(other)" points; absent or null: every group. */
export type CostSeriesQuery = MetricsQuery<CostGroupBy> & { top?: number | null };

/** Cost points for the whole buckets overlapping [from, to). */
export async function getCostSeries(scope: ProjectScope, query: CostSeriesQuery): Promise<CostPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const granularity = GRANULARITY_OF[query.bucket];
  const bucketMs = BUCKET_MS[query.bucket];
  const range = { dimension: COST_DIMENSION[query.groupBy], granularity, startMs, endMs };
  const rows: RollupRowsQuery = { ...range, numbers: ["count", "costUsd", "inputTokens", "outputTokens"] };
  if (query.top == null) return readCostPoints(scope, rows, bucketMs);
  // One more than asked tells whether anything is left over to fold.
  const ranked = await rankCostGroups(scope, range, query.top + 1);
  if (ranked.length <= query.top) return readCostPoints(scope, rows, bucketMs);
  const kept = ranked.slice(0, query.top).map((g) => g.group);
  const [points, others] = await Promise.all([readCostPoints(scope, { ...rows, groups: kept }, bucketMs), readOtherCost(scope, rows, bucketMs, kept)]);
  const otherPoints = others.map((o) => ({ ...toCostPoint(o.bucketStartMs, o.group, o.count, o.costUsd, o.inputTokens, o.outputTokens), otherGroups: o.groups }));
  return mergePoints(points, otherPoints);
}

async function readCostPoints(scope: ProjectScope, rows: RollupRowsQuery, bucketMs: number): Promise<CostPoint[]> {
  // Rows of the bucket's own size (every bucket the API offers) become points directly.
  if (bucketMs === GRANULARITY_MS[rows.granularity]) {
    return orderPoints(await readRollupRows(scope, rows, (group, ms, n) => toCostPoint(ms, group, n[0]!, n[1]!, n[2]!, n[3]!)));
  }
  const merged = await readRollupRows(scope, rows, (group, bucketStartMs, n): CostRollup => ({
    group,
    bucketStartMs,
    count: n[0]!,
    costUsd: n[1]!,
    inputTokens: n[2]!,
    outputTokens: n[3]!,
  }));
  return buildCostSeries(merged, bucketMs, GRANULARITY_MS[rows.granularity]);
}
