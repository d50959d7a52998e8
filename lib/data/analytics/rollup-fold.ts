import "server-only";
// Before rollup rows are read: the deltas ingest commits left pending (rollup-writer.ts) are folded
// into them, so a dashboard, a metrics call, an alert or the map read right after ingest counts every
// stored span. Every reader of metric_rollups calls this first.
import { getSql } from "@/lib/db/connections";
import { inWriteTurn } from "@/lib/data/write-turn";
import { foldPending } from "./rollup-writer";

export async function foldPendingRollups(projectId: string): Promise<void> {
  const sql = getSql();
  const pending = await sql.query(`SELECT 1 AS "found" FROM "rollup_pending" WHERE "projectId" = ? LIMIT 1`, [projectId]);
  if (pending.length === 0) return;
  await inWriteTurn(() => foldPending(sql, projectId));
}
