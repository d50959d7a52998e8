// Liveness and readiness: 200 when the database answers. No key needed (load balancers, test harness).
// Also says how ingest runs: normalise worker threads (HINDSIGHT_INGEST_WORKERS) and, on SQLite, whether
// commits run in a writer thread (HINDSIGHT_SQLITE_WRITER_THREAD).
import { getNormalisePool, getSql, usesWriterThread } from "@/lib/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const sql = getSql();
    await sql.query("SELECT 1 AS ok");
    return Response.json({ status: "ok", database: sql.dialect, ingestWorkers: getNormalisePool()?.size ?? 0, writerThread: usesWriterThread() });
  } catch (error) {
    return Response.json({ status: "unavailable", message: (error as Error).message }, { status: 503 });
  }
}
