import "server-only";
// Tag counts over time: how many traces carry each tag, per bucket of the traces' start time (a run
// tagged later still counts in the bucket it ran in). Read from the tags and the traces they are on.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { bucketSpan, BUCKET_MS } from "@/lib/analytics/buckets";
import { topTagPoints, type TagCountPoint, type TagMetricsQuery } from "@/lib/analytics/tag-metrics-params";

type Row = { tag: unknown; bucketIndex: unknown; traces: unknown };

/** Points for the whole buckets overlapping [from, to), for the `limit` most used tags of that span. */
export async function getTagCountSeries(scope: ProjectScope, query: TagMetricsQuery): Promise<TagCountPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const bucketNs = BigInt(BUCKET_MS[query.bucket]) * 1_000_000n;
  // Integer division of the start time (ns) by the bucket (ns) numbers the bucket on both databases.
  const rows = await getSql().query<Row>(
    `SELECT tt."tag" AS "tag", t."startNs" / ? AS "bucketIndex", COUNT(*) AS "traces"
     FROM "trace_tags" tt JOIN "traces" t ON t."projectId" = tt."projectId" AND t."traceId" = tt."traceId"
     WHERE tt."projectId" = ? AND t."startNs" >= ? AND t."startNs" < ?
     GROUP BY 1, 2`,
    [bucketNs, scope.projectId, BigInt(startMs) * 1_000_000n, BigInt(endMs) * 1_000_000n],
  );
  return topTagPoints(
    rows.map((row) => ({ tag: String(row.tag), bucketStartMs: Number(row.bucketIndex) * BUCKET_MS[query.bucket], traces: Number(row.traces) })),
    query.limit,
  );
}
