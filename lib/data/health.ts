import "server-only";
// Readiness of the database for /api/health.
import { getSql } from "@/lib/db/connections";

/** Which database answers; throws when it does not. */
export async function checkDatabase(): Promise<"sqlite" | "postgres"> {
  const sql = getSql();
  await sql.query("SELECT 1 AS ok");
  return sql.dialect;
}
