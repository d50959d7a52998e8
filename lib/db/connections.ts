import "server-only";
// The process-wide connections of the server, kept on globalThis because Next.js bundles each route
// separately and module state would otherwise be duplicated (two SQLite writers would contend for the
// lock). Only the data layer (lib/data) uses them.
import { isMainThread } from "node:worker_threads";
import { getEnv } from "@/lib/env";
import { openPostgres } from "./postgres";
import type { Sql } from "./sql";
import { openSqlite } from "./sqlite";

const globalForConnections = globalThis as unknown as { hindsightSql?: Sql };

function openWriteConnection(): Sql {
  const env = getEnv();
  if (env.database.kind === "postgres") return openPostgres(env.database.url);
  // With the ingest writer thread on, that thread copies the WAL into the database (it writes the most);
  // otherwise the request thread's connection runs the background checkpointer (a worker thread's, such
  // as the findings thread's, never does: one checkpointer per process).
  return openSqlite(env.database.file, env.HINDSIGHT_SQLITE_SYNCHRONOUS, { backgroundCheckpoints: isMainThread && !env.HINDSIGHT_SQLITE_WRITER_THREAD });
}

/** The raw SQL connection of this process: writes, and the reads that need SQL Prisma cannot express. */
export function getSql(): Sql {
  globalForConnections.hindsightSql ??= openWriteConnection();
  return globalForConnections.hindsightSql;
}
