import "server-only";
// Findings over time, read from the findings rollups the findings job keeps (lib/analytics/finding-rollups.ts),
// never from spans: GET /api/v1/metrics/findings, and the Findings dashboard (which also reads one finding
// type's rows of a task, agent or tool, so each of its points opens exactly its traces). Rows of a bucket's
// own size become points directly (1h and 1d are both stored).
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { bucketSpan, GRANULARITY_OF, type Bucket } from "@/lib/analytics/buckets";
import type { FindingsGroupBy } from "@/lib/analytics/dimensions";
import { ANY_FINDING, type FindingDimension } from "@/lib/analytics/finding-rollups";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { roundUsd } from "@/lib/pricing/round-usd";

export type FindingsPoint = { bucketStart: string; group: string; traces: number; occurrences: number; wastedMs: number; wastedCostUsd: number | null };

/** Which rows to read: a dimension's groups for one finding type (or "*"), or the types themselves ("all" by type). */
export type FindingsRows = { dimension: FindingDimension; findingType: string } | { dimension: "all"; byType: true };

/** Which rows each groupBy of the API reads. */
const API_ROWS: Record<FindingsGroupBy, FindingsRows> = {
  type: { dimension: "all", byType: true },
  failureMode: { dimension: "failureMode", findingType: "failure" },
  task: { dimension: "task", findingType: ANY_FINDING },
  agent: { dimension: "agent", findingType: ANY_FINDING },
  tool: { dimension: "tool", findingType: ANY_FINDING },
};

type Row = { group: string; bucketStartMs: unknown; traces: unknown; occurrences: unknown; wastedMs: unknown; wastedCostUsd: unknown; pricedCount: unknown };

/** Points for the whole buckets overlapping [from, to), in bucket then group order. */
export async function getFindingsSeries(scope: ProjectScope, query: MetricsQuery<FindingsGroupBy>): Promise<FindingsPoint[]> {
  return readFindingPoints(scope, API_ROWS[query.groupBy], query);
}

export async function readFindingPoints(scope: ProjectScope, rows: FindingsRows, range: { fromMs: number; toMs: number; bucket: Bucket }): Promise<FindingsPoint[]> {
  const { startMs, endMs } = bucketSpan(range.fromMs, range.toMs, range.bucket);
  const byType = "byType" in rows;
  const result = await getSql().query<Row>(
    `SELECT ${byType ? `"findingType"` : `"groupKey"`} AS "group", "bucketStartMs", "traces", "occurrences", "wastedMs", "wastedCostUsd", "pricedCount"
     FROM "finding_rollups"
     WHERE "projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ?
       AND ${byType ? `"findingType" <> ?` : `"findingType" = ?`} AND "occurrences" > 0`,
    [scope.projectId, rows.dimension, GRANULARITY_OF[range.bucket], startMs, endMs, byType ? ANY_FINDING : rows.findingType],
  );
  const points = result.map((row) => ({
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
