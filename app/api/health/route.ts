// Liveness and readiness: 200 when the database answers. No key needed (load balancers, test harness).
// Also says how many normalise worker threads ingest runs (HINDSIGHT_INGEST_WORKERS).
import { getNormalisePool, getSql } from "@/lib/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const sql = getSql();
    await sql.query("SELECT 1 AS ok");
    return Response.json({ status: "ok", database: sql.dialect, ingestWorkers: getNormalisePool()?.size ?? 0 });
  } catch (error) {
    return Response.json({ status: "unavailable", message: (error as Error).message }, { status: 503 });
  }
}
