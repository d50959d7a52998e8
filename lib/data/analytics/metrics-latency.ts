import "server-only";
// GET /api/v1/metrics/latency: percentile latency per bucket and group, read from the ingest-time
// rollups (lib/data/analytics/rollup-writer.ts), never from spans. Rows come through the raw read connection
// (./rollup-rows.ts): tens of thousands for 30 days of hourly points, where Prisma's $queryRaw costs
// several microseconds more per row.
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { LATENCY_DIMENSION, type LatencyGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildLatencySeries, orderPoints, toLatencyPoint, type LatencyPoint, type LatencyRollup } from "@/lib/analytics/series";
import type { ProjectScope } from "@/lib/data/scope";
import { readRollupRows } from "./rollup-rows";

/** Latency points for the whole buckets overlapping [from, to). */
export async function getLatencySeries(scope: ProjectScope, query: MetricsQuery<LatencyGroupBy>): Promise<LatencyPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const granularity = GRANULARITY_OF[query.bucket];
  const [bucketMs, rowMs] = [BUCKET_MS[query.bucket], GRANULARITY_MS[granularity]];
  const rows = { dimension: LATENCY_DIMENSION[query.groupBy], granularity, startMs, endMs, numbers: ["count", "maxMs", "p50Ms", "p95Ms", "p99Ms"] } as const;
  // Rows of the bucket's own size carry their percentiles and become points directly; merging minute
  // rows into 5m buckets needs their histograms.
  if (bucketMs === rowMs) return orderPoints(await readRollupRows(scope, rows, (group, ms, n) => toLatencyPoint(ms, group, n[0]!, n[2]!, n[3]!, n[4]!, n[1]!)));
  const merged = await readRollupRows(scope, { ...rows, withBins: true }, (group, bucketStartMs, n, bins): LatencyRollup => ({
    group,
    bucketStartMs,
    count: n[0]!,
    maxMs: n[1]!,
    p50Ms: n[2]!,
    p95Ms: n[3]!,
    p99Ms: n[4]!,
    bins,
  }));
  return buildLatencySeries(merged, bucketMs, rowMs);
}
