// Applies prisma/postgres/migrations/*/migration.sql and records each one in `_prisma_migrations`
// exactly as `prisma migrate deploy` does (same table, sha256 checksum of the file, same advisory lock),
// so Prisma's CLI elsewhere sees the same state. Needed because the CLI's driver-adapter path fails
// on PostgreSQL (prisma/orm#27403). Each migration runs in its own transaction (PostgreSQL DDL is
// transactional), so a failed one leaves nothing half-applied.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "./sql";

const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

/** Migrations in a folder, in name (timestamp) order. */
export function readMigrations(folder: string): Migration[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/** Applies pending migrations; returns the names applied. `sql` must be a PostgreSQL connection. */
export async function migratePostgres(sql: Sql, folder = "prisma/postgres/migrations"): Promise<string[]> {
  const migrations = readMigrations(folder);
  return sql.transaction(async (tx) => {
    // Transaction-scoped lock: concurrent starts (several replicas) apply each migration once.
    await tx.run(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK})`);
    await tx.run(CREATE_TABLE);
    const rows = await tx.query<AppliedRow>(`SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`);
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) throw new Error(`migration ${failed.migration_name} failed earlier and was not rolled back; resolve it with \`prisma migrate resolve\``);
    const applied = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) console.warn(`[hindsight] migration ${migration.name} was modified after it was applied`);
        continue;
      }
      const id = randomUUID();
      await tx.run(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, now(), 0)`, [
        id,
        migration.checksum,
        migration.name,
      ]);
      await tx.run(migration.sql);
      await tx.run(`UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = ?`, [id]);
      done.push(migration.name);
    }
    return done;
  });
}
