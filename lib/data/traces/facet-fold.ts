import "server-only";
// Before the trace list filters by a facet: the changes SQLite ingest commits left pending
// (facet-writes.ts) are applied, so a filter right after ingest finds every stored trace.
import { getSql } from "@/lib/db/connections";
import { inWriteTurn } from "@/lib/data/write-turn";
import { foldFacets } from "./facet-writes";

export async function foldPendingFacets(projectId: string): Promise<void> {
  const sql = getSql();
  if (sql.dialect === "postgres") return;
  const pending = await sql.query(`SELECT 1 AS "found" FROM "facet_pending" WHERE "projectId" = ? LIMIT 1`, [projectId]);
  if (pending.length === 0) return;
  await inWriteTurn(() => sql.transaction((tx) => foldFacets(tx, projectId)));
}
