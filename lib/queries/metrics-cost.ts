import "server-only";
// GET /api/v1/metrics/cost: traces, cost and tokens per bucket and group, read from the ingest-time
// rollups (lib/analytics/rollup-writer.ts), never from spans.
import { getPrisma } from "@/lib/db";
import { BUCKET_MS, bucketSpan, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { COST_DIMENSION, type CostGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildCostSeries, type CostPoint } from "@/lib/analytics/series";

/** Cost points for the whole buckets overlapping [from, to). */
export async function getCostSeries(query: MetricsQuery<CostGroupBy>): Promise<CostPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const rows = await getPrisma().metricRollup.findMany({
    where: {
      dimension: COST_DIMENSION[query.groupBy],
      granularity: GRANULARITY_OF[query.bucket],
      bucketStartMs: { gte: BigInt(startMs), lt: BigInt(endMs) },
      count: { gt: 0 },
    },
    select: { groupKey: true, bucketStartMs: true, count: true, costUsd: true, inputTokens: true, outputTokens: true },
  });
  return buildCostSeries(
    rows.map((r) => ({
      group: r.groupKey, bucketStartMs: Number(r.bucketStartMs), count: r.count, costUsd: r.costUsd,
      inputTokens: Number(r.inputTokens), outputTokens: Number(r.outputTokens),
    })),
    BUCKET_MS[query.bucket],
  );
}
