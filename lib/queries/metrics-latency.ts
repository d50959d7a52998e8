import "server-only";
// GET /api/v1/metrics/latency: percentile latency per bucket and group, read from the ingest-time
// rollups (lib/analytics/rollup-writer.ts), never from spans.
import { getPrisma } from "@/lib/db";
import { BUCKET_MS, bucketSpan, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { LATENCY_DIMENSION, type LatencyGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildLatencySeries, type LatencyPoint } from "@/lib/analytics/series";

/** Latency points for the whole buckets overlapping [from, to). */
export async function getLatencySeries(query: MetricsQuery<LatencyGroupBy>): Promise<LatencyPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const rows = await getPrisma().metricRollup.findMany({
    where: {
      dimension: LATENCY_DIMENSION[query.groupBy],
      granularity: GRANULARITY_OF[query.bucket],
      bucketStartMs: { gte: BigInt(startMs), lt: BigInt(endMs) },
      count: { gt: 0 },
    },
    select: { groupKey: true, bucketStartMs: true, count: true, maxMs: true, bins: true },
  });
  return buildLatencySeries(
    rows.map((r) => ({ group: r.groupKey, bucketStartMs: Number(r.bucketStartMs), count: r.count, maxMs: r.maxMs, bins: r.bins })),
    BUCKET_MS[query.bucket],
  );
}
