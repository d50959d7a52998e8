// Liveness and readiness: 200 when the database answers, 503 without details when it does not (the
// reason goes to the server log). No key needed (load balancers, test harness). Also says how ingest
// runs: normalise worker threads (HINDSIGHT_INGEST_WORKERS) and, on SQLite, whether commits run in a
// writer thread (HINDSIGHT_SQLITE_WRITER_THREAD).
import { checkDatabase } from "@/lib/data/health";
import { getNormalisePool, usesWriterThread } from "@/lib/receiver/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const database = await checkDatabase();
    return Response.json({ status: "ok", database, ingestWorkers: getNormalisePool()?.size ?? 0, writerThread: usesWriterThread() });
  } catch (error) {
    console.error("[hindsight] health check: database unavailable:", error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
