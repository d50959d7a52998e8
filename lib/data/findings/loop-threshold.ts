import "server-only";
// The project's loop threshold as the findings thread reads it: raw SQL on that thread's own
// connection, so the thread needs no ORM client of its own.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";

/** The project's loop threshold; throws when the project is gone (its round is then skipped). */
export async function readLoopThreshold(scope: ProjectScope): Promise<number> {
  const rows = await getSql().query<{ loopThreshold: unknown }>(`SELECT "loopThreshold" FROM "projects" WHERE "id" = ?`, [scope.projectId]);
  if (rows.length === 0) throw new Error(`project ${scope.projectId} not found`);
  return Number(rows[0]!.loopThreshold);
}
