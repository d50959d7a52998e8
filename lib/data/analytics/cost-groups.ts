import "server-only";
// Cost per group over a whole range, and the "(other)" remainder per bucket, summed by the database from
// the same rollup rows as the points (./rollup-rows.ts). Ranking and folding there means only the points
// that are shown ever reach JavaScript: 30 days of hourly rows of 5,000 sessions are ~43,000 rows, of
// which the costliest twenty sessions are a few hundred.
import type { ProjectScope } from "@/lib/data/scope";
import { getReadConnection, type ReadConnection } from "@/lib/db/read-connection";
import { GRANULARITY_MS } from "@/lib/analytics/buckets";
import { coverRange } from "@/lib/analytics/cover-range";
import { DIMENSIONS, type Dimension } from "@/lib/analytics/dimensions";
import { OTHER_GROUP, type CostRollup } from "@/lib/analytics/series";
import { foldPendingRollups } from "./rollup-fold";
import { FILTER, filterParams, groupsFilter, type RollupRowsQuery } from "./rollup-rows";

export type GroupCost = { group: string; costUsd: number; traces: number };
type RangeQuery = Omit<RollupRowsQuery, "numbers" | "withBins" | "groups">;

/**
 * The `limit` costliest groups of the range, costliest first (ties: more traces first, then by name).
 * `traces` adds up the rows' counts (for model rows, a trace using the model in two buckets counts twice).
 * Read from the coarsest rows that fit (lib/analytics/cover-range.ts): day rows for the whole days.
 */
export async function rankCostGroups(
  scope: ProjectScope,
  query: RangeQuery & { dimension: Dimension },
  limit: number,
  read: ReadConnection = getReadConnection(),
): Promise<GroupCost[]> {
  await foldPendingRollups(scope.projectId);
  const finest = GRANULARITY_MS[query.granularity];
  const allowed = DIMENSIONS[query.dimension].granularities.filter((g) => GRANULARITY_MS[g] >= finest);
  const parts = coverRange(query.startMs, query.endMs, allowed).map((part) => ({ ...query, ...part }));
  const union = parts.map(() => `SELECT "groupKey", "costUsd", "count" FROM "metric_rollups" WHERE ${FILTER}`).join(" UNION ALL ");
  const rows = await read.rows(
    `SELECT "groupKey", SUM("costUsd"), SUM("count") FROM (${union}) AS "parts"
     GROUP BY "groupKey" ORDER BY SUM("costUsd") DESC, SUM("count") DESC, "groupKey" LIMIT ?`,
    [...parts.flatMap((part) => filterParams(scope, part)), limit],
  );
  return rows.map(([group, costUsd, traces]) => ({ group: String(group), costUsd: Number(costUsd), traces: Number(traces) }));
}

/**
 * Per bucket of `bucketMs` (a multiple of the rows' granularity; buckets are multiples of it since the
 * epoch, like the rows'), the sums of every group but `kept`, and how many groups those are.
 */
export async function readOtherCost(
  scope: ProjectScope,
  query: RangeQuery,
  bucketMs: number,
  kept: readonly string[],
  read: ReadConnection = getReadConnection(),
): Promise<(CostRollup & { groups: number })[]> {
  await foldPendingRollups(scope.projectId);
  const rows = await read.rows(
    `SELECT ("bucketStartMs" / CAST(? AS INTEGER)) * CAST(? AS INTEGER), SUM("count"), SUM("costUsd"), SUM("inputTokens"), SUM("outputTokens"), COUNT(DISTINCT "groupKey")
     FROM "metric_rollups" WHERE ${FILTER}${groupsFilter(kept, true)} GROUP BY 1 ORDER BY 1`,
    [bucketMs, bucketMs, ...filterParams(scope, query), ...kept],
  );
  return rows.map(([start, count, costUsd, inputTokens, outputTokens, groups]) => ({
    group: OTHER_GROUP,
    bucketStartMs: Number(start),
    count: Number(count),
    costUsd: Number(costUsd),
    inputTokens: Number(inputTokens),
    outputTokens: Number(outputTokens),
    groups: Number(groups),
  }));
}
