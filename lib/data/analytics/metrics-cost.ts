import "server-only";
// GET /api/v1/metrics/cost: traces, cost and tokens per bucket and group, read from the ingest-time
// rollups (lib/data/analytics/rollup-writer.ts), never from spans. Unpriced calls add 0 (the trace list
// tells them apart). Rows come through the raw read connection (./rollup-rows.ts): grouping by user or
// session over 30 days at 1h returns ~40,000 rows, where Prisma's $queryRaw cost ~120 ms more.
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { COST_DIMENSION, type CostGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildCostSeries, orderPoints, toCostPoint, type CostPoint, type CostRollup } from "@/lib/analytics/series";
import type { ProjectScope } from "@/lib/data/scope";
import { readRollupRows } from "./rollup-rows";

/** Cost points for the whole buckets overlapping [from, to). */
export async function getCostSeries(scope: ProjectScope, query: MetricsQuery<CostGroupBy>): Promise<CostPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const granularity = GRANULARITY_OF[query.bucket];
  const [bucketMs, rowMs] = [BUCKET_MS[query.bucket], GRANULARITY_MS[granularity]];
  const rows = { dimension: COST_DIMENSION[query.groupBy], granularity, startMs, endMs, numbers: ["count", "costUsd", "inputTokens", "outputTokens"] } as const;
  // Rows of the bucket's own size (every bucket the API offers) become points directly.
  if (bucketMs === rowMs) return orderPoints(await readRollupRows(scope, rows, (group, ms, n) => toCostPoint(ms, group, n[0]!, n[1]!, n[2]!, n[3]!)));
  const merged = await readRollupRows(scope, rows, (group, bucketStartMs, n): CostRollup => ({
    group,
    bucketStartMs,
    count: n[0]!,
    costUsd: n[1]!,
    inputTokens: n[2]!,
    outputTokens: n[3]!,
  }));
  return buildCostSeries(merged, bucketMs, rowMs);
}
