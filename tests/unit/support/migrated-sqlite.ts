// A SQLite database with the real migrations applied, statement by statement (Prisma's generated SQL
// ends each with ";\n"), for unit tests that exercise the store without a server.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "@/lib/db/sql";

export async function applyMigrations(sql: Sql): Promise<void> {
  for (const folder of readdirSync("prisma/migrations")
    .filter((f) => /^\d/.test(f))
    .sort()) {
    const text = readFileSync(path.join("prisma/migrations", folder, "migration.sql"), "utf8");
    const statements = text.split(/;\s*\n/).filter((s) => s.replace(/--[^\n]*/g, "").trim());
    for (const statement of statements) await sql.run(statement);
  }
}
