import "server-only";
// GET /api/v1/metrics/scores and the Quality dashboard: count, mean and pass rate per bucket and group,
// read from the score rollups kept at write time (./score-rollup-writer.ts), never from the scores
// themselves: the read touches one row per bucket, group and score name whatever the number of scores.
import { bucketSpan } from "@/lib/analytics/buckets";
import { getReadConnection } from "@/lib/db/read-connection";
import type { ProjectScope } from "@/lib/data/scope";
import type { ScoreSums } from "@/lib/quality/quality-dashboard";
import type { ScoreMetricsQuery } from "@/lib/quality/score-metrics-params";
import { toScorePoint, type ScorePoint } from "@/lib/quality/score-points";

/** The summed rollups of the whole buckets overlapping [from, to), by bucket then group. */
export async function getScoreSums(scope: ProjectScope, query: ScoreMetricsQuery): Promise<ScoreSums[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const params: (string | number)[] = [scope.projectId, query.groupBy, query.bucket, startMs, endMs];
  const byName = query.name === undefined ? "" : ` AND "name" = ?`;
  if (query.name !== undefined) params.push(query.name);
  const rows = await getReadConnection().rows(
    `SELECT "bucketStartMs", "groupKey", SUM("count"), SUM("valueCount"), SUM("valueSum"), SUM("passCount") FROM "score_rollups"
     WHERE "projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ?${byName}
     GROUP BY "bucketStartMs", "groupKey" HAVING SUM("count") > 0 ORDER BY "bucketStartMs", "groupKey"`,
    params,
  );
  return rows.map((r) => ({
    bucketStartMs: Number(r[0]),
    group: String(r[1]),
    count: Number(r[2]),
    valueCount: Number(r[3]),
    valueSum: Number(r[4]),
    passCount: Number(r[5]),
  }));
}

/** Points for the whole buckets overlapping [from, to), by bucket then group. */
export async function getScoreSeries(scope: ProjectScope, query: ScoreMetricsQuery): Promise<ScorePoint[]> {
  const sums = await getScoreSums(scope, query);
  return sums.map((s) => toScorePoint(s.bucketStartMs, s.group, s.count, s.valueCount, s.valueSum, s.passCount));
}
