import "server-only";
// GET /api/v1/metrics/cost: traces, cost and tokens per bucket and group, read from the ingest-time
// rollups (lib/analytics/rollup-writer.ts), never from spans. Unpriced calls add 0 (the trace list
// tells them apart). Raw SQL through Prisma: grouping by session over 30 days at 1h returns tens of
// thousands of rows, where findMany's per-row mapping alone costs about twice as much.
import { getPrisma } from "@/lib/db";
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { COST_DIMENSION, type CostGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildCostSeries, type CostPoint } from "@/lib/analytics/series";

type Row = { groupKey: string; bucketStartMs: unknown; count: unknown; costUsd: unknown; inputTokens: unknown; outputTokens: unknown };

/** Cost points for the whole buckets overlapping [from, to). */
export async function getCostSeries(query: MetricsQuery<CostGroupBy>): Promise<CostPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const granularity = GRANULARITY_OF[query.bucket];
  const rows = await getPrisma().$queryRaw<Row[]>`
    SELECT "groupKey", "bucketStartMs", "count", "costUsd", "inputTokens", "outputTokens" FROM "metric_rollups"
    WHERE "dimension" = ${COST_DIMENSION[query.groupBy]} AND "granularity" = ${granularity}
      AND "bucketStartMs" >= ${BigInt(startMs)} AND "bucketStartMs" < ${BigInt(endMs)} AND "count" > 0
    ORDER BY "bucketStartMs"`;
  return buildCostSeries(
    rows.map((r) => ({
      group: r.groupKey, bucketStartMs: Number(r.bucketStartMs), count: Number(r.count), costUsd: Number(r.costUsd),
      inputTokens: Number(r.inputTokens), outputTokens: Number(r.outputTokens),
    })),
    BUCKET_MS[query.bucket],
    GRANULARITY_MS[granularity],
  );
}
