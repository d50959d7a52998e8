import "server-only";
// GET /api/v1/metrics/latency: percentile latency per bucket and group, read from the ingest-time
// rollups (lib/analytics/rollup-writer.ts), never from spans. Raw SQL through Prisma: tens of thousands
// of rows for 30 days of hourly points, where findMany's per-row mapping alone costs about twice as much.
import { getPrisma } from "@/lib/db";
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF } from "@/lib/analytics/buckets";
import { LATENCY_DIMENSION, type LatencyGroupBy } from "@/lib/analytics/dimensions";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { buildLatencySeries, type LatencyPoint } from "@/lib/analytics/series";

type Row = { groupKey: string; bucketStartMs: unknown; count: unknown; maxMs: unknown; p50Ms: unknown; p95Ms: unknown; p99Ms: unknown; bins: string | null };

/** Latency points for the whole buckets overlapping [from, to). */
export async function getLatencySeries(query: MetricsQuery<LatencyGroupBy>): Promise<LatencyPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const granularity = GRANULARITY_OF[query.bucket];
  const bucketMs = BUCKET_MS[query.bucket];
  const rowMs = GRANULARITY_MS[granularity];
  const dimension = LATENCY_DIMENSION[query.groupBy];
  const [from, to] = [BigInt(startMs), BigInt(endMs)];
  // Histograms are read only when rows must be merged (5m from minute rows); else stored percentiles do.
  const prisma = getPrisma();
  const rows =
    bucketMs === rowMs
      ? await prisma.$queryRaw<Row[]>`
          SELECT "groupKey", "bucketStartMs", "count", "maxMs", "p50Ms", "p95Ms", "p99Ms", NULL AS "bins" FROM "metric_rollups"
          WHERE "dimension" = ${dimension} AND "granularity" = ${granularity} AND "bucketStartMs" >= ${from} AND "bucketStartMs" < ${to} AND "count" > 0
          ORDER BY "bucketStartMs"`
      : await prisma.$queryRaw<Row[]>`
          SELECT "groupKey", "bucketStartMs", "count", "maxMs", "p50Ms", "p95Ms", "p99Ms", "bins" FROM "metric_rollups"
          WHERE "dimension" = ${dimension} AND "granularity" = ${granularity} AND "bucketStartMs" >= ${from} AND "bucketStartMs" < ${to} AND "count" > 0
          ORDER BY "bucketStartMs"`;
  return buildLatencySeries(
    rows.map((r) => ({
      group: r.groupKey, bucketStartMs: Number(r.bucketStartMs), count: Number(r.count), maxMs: Number(r.maxMs),
      p50Ms: Number(r.p50Ms), p95Ms: Number(r.p95Ms), p99Ms: Number(r.p99Ms), bins: r.bins ?? undefined,
    })),
    bucketMs,
    rowMs,
  );
}
