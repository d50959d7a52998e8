import "server-only";
// Applies score rollup deltas (lib/quality/score-rollups.ts) inside the caller's transaction: one upsert
// per changed row that adds to what is stored, so concurrent writers (the ingest writer, API requests,
// evaluators, other servers) never lose each other's counts. Also used in the SQLite writer thread, so it
// opens no connection of its own.
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { ScoreRollupDeltas } from "@/lib/quality/score-rollups";

const COLUMNS = ["projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "name", "count", "valueCount", "valueSum", "passCount"] as const;
const ADD = (["count", "valueCount", "valueSum", "passCount"] as const).map((c) => `"${c}" = "score_rollups"."${c}" + excluded."${c}"`).join(", ");
const CONFLICT = `("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "name") DO UPDATE SET ${ADD}`;

export async function writeScoreRollups(tx: Sql, projectId: string, deltas: ScoreRollupDeltas): Promise<void> {
  const rows: SqlValue[][] = deltas
    .changedRows()
    .map((r) => [projectId, r.dimension, r.granularity, BigInt(r.bucketStartMs), r.groupKey, r.name, r.count, r.valueCount, r.valueSum, r.passCount]);
  if (rows.length > 0) await tx.insertMany("score_rollups", COLUMNS, rows, CONFLICT);
}
