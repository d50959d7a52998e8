import "server-only";
// GET /api/v1/metrics/findings: traces with findings, occurrences and waste per bucket and group, read
// from the findings rollups the findings job keeps (lib/analytics/finding-rollups.ts), never from spans.
// Rows of a bucket's own size become points directly (1h and 1d are both stored).
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { bucketSpan, GRANULARITY_OF } from "@/lib/analytics/buckets";
import type { FindingsGroupBy } from "@/lib/analytics/dimensions";
import { ANY_FINDING, type FindingDimension } from "@/lib/analytics/finding-rollups";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { roundUsd } from "@/lib/pricing/round-usd";

export type FindingsPoint = { bucketStart: string; group: string; traces: number; occurrences: number; wastedMs: number; wastedCostUsd: number | null };

/** Which rows each groupBy reads, and which of their columns is the group. */
const SOURCE: Record<FindingsGroupBy, { dimension: FindingDimension; typeCondition: string; group: "groupKey" | "findingType" }> = {
  type: { dimension: "all", typeCondition: `"findingType" <> '${ANY_FINDING}'`, group: "findingType" },
  failureMode: { dimension: "failureMode", typeCondition: `"findingType" = 'failure'`, group: "groupKey" },
  task: { dimension: "task", typeCondition: `"findingType" = '${ANY_FINDING}'`, group: "groupKey" },
  agent: { dimension: "agent", typeCondition: `"findingType" = '${ANY_FINDING}'`, group: "groupKey" },
  tool: { dimension: "tool", typeCondition: `"findingType" = '${ANY_FINDING}'`, group: "groupKey" },
};

type Row = { group: string; bucketStartMs: unknown; traces: unknown; occurrences: unknown; wastedMs: unknown; wastedCostUsd: unknown; pricedCount: unknown };

/** Points for the whole buckets overlapping [from, to), in bucket then group order. */
export async function getFindingsSeries(scope: ProjectScope, query: MetricsQuery<FindingsGroupBy>): Promise<FindingsPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const source = SOURCE[query.groupBy];
  const rows = await getSql().query<Row>(
    `SELECT "${source.group}" AS "group", "bucketStartMs", "traces", "occurrences", "wastedMs", "wastedCostUsd", "pricedCount"
     FROM "finding_rollups"
     WHERE "projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ? AND ${source.typeCondition}
       AND "occurrences" > 0`,
    [scope.projectId, source.dimension, GRANULARITY_OF[query.bucket], startMs, endMs],
  );
  const points = rows.map((row) => ({
    bucketStart: new Date(Number(row.bucketStartMs)).toISOString(),
    group: String(row.group),
    traces: Number(row.traces),
    occurrences: Number(row.occurrences),
    // Sums that had contributions taken out carry float residue: ms to the microsecond, cost to 1e-10 USD.
    wastedMs: Math.round(Number(row.wastedMs) * 1000) / 1000,
    wastedCostUsd: Number(row.pricedCount) > 0 ? roundUsd(Number(row.wastedCostUsd)) : null,
  }));
  // Ordered here rather than in SQL: PostgreSQL would sort the groups by its locale, SQLite by code unit.
  return points.sort((x, y) => (x.bucketStart < y.bucketStart ? -1 : x.bucketStart > y.bucketStart ? 1 : x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
}
