// Migrates the configured database and makes sure an API key exists (api.md "Starting it").
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ensureInitialApiKey, type InitialKey } from "../../lib/data/access/api-keys";
import type { Env } from "../../lib/env";
import { migratePostgres } from "../../lib/db/migrate-postgres";
import { openPostgres } from "../../lib/db/postgres";
import { openSqlite } from "../../lib/db/sqlite";

/** SQLite: Prisma's own `migrate deploy` through the better-sqlite3 adapter (prisma.config.ts). */
function migrateSqlite(file: string): void {
  mkdirSync(dirname(file), { recursive: true }); // the adapter does not create folders
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: "", HINDSIGHT_SQLITE_FILE: file, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/** Migrates, then registers or creates the first API key. */
export async function prepareDatabase(env: Env): Promise<InitialKey> {
  if (env.database.kind === "sqlite") migrateSqlite(env.database.file);
  const sql = env.database.kind === "postgres" ? openPostgres(env.database.url, 1) : openSqlite(env.database.file);
  try {
    if (env.database.kind === "postgres") await migratePostgres(sql);
    return await ensureInitialApiKey(sql, env.HINDSIGHT_INIT_API_KEY, env.HINDSIGHT_PROJECT_NAME);
  } finally {
    await sql.close();
  }
}
