// Migrates the configured database and makes sure the instance can start: the default project, the
// session secret, the first API key and (HINDSIGHT_ADMIN_*) the headless first admin.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ensureAuthSecret, ensureDefaultProject, ensureHeadlessAdmin, ensureInitialApiKey, hasUsers, type InitialKey } from "../../lib/data/access/bootstrap";
import type { Env } from "../../lib/env";
import { migratePostgres } from "../../lib/db/migrate-postgres";
import { openPostgres } from "../../lib/db/postgres";
import { openSqlite } from "../../lib/db/sqlite";
import { createWithIncrementalVacuum } from "../../lib/db/sqlite-vacuum";

/** SQLite: Prisma's own `migrate deploy` through the better-sqlite3 adapter (prisma.config.ts). */
function migrateSqlite(file: string): void {
  mkdirSync(dirname(file), { recursive: true }); // the adapter does not create folders
  createWithIncrementalVacuum(file); // so retention purges shrink the file (lib/db/sqlite-vacuum.ts)
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: "", HINDSIGHT_SQLITE_FILE: file, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

export type Prepared = { key: InitialKey; adminCreated: boolean; needsSetup: boolean };

/** Migrates, then creates what is missing; idempotent, and safe when several servers start at once. */
export async function prepareDatabase(env: Env): Promise<Prepared> {
  if (env.database.kind === "sqlite") migrateSqlite(env.database.file);
  const sql = env.database.kind === "postgres" ? openPostgres(env.database.url, 1) : openSqlite(env.database.file);
  try {
    if (env.database.kind === "postgres") await migratePostgres(sql);
    await ensureDefaultProject(sql, env.HINDSIGHT_PROJECT_NAME);
    await ensureAuthSecret(sql);
    const key = await ensureInitialApiKey(sql, env.HINDSIGHT_INIT_API_KEY);
    const adminCreated =
      env.HINDSIGHT_ADMIN_EMAIL && env.HINDSIGHT_ADMIN_PASSWORD
        ? await ensureHeadlessAdmin(sql, env.HINDSIGHT_ADMIN_EMAIL, env.HINDSIGHT_ADMIN_PASSWORD)
        : false;
    return { key, adminCreated, needsSetup: !(await hasUsers(sql)) };
  } finally {
    await sql.close();
  }
}
