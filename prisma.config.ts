// Prisma CLI configuration: the JavaScript schema engine with a driver adapter, so no native engine
// binary is ever downloaded. Schema and adapter follow DATABASE_URL: SQLite by default, PostgreSQL when
// it starts with postgres. The CLI migrates SQLite; PostgreSQL migrations are applied by
// scripts/lib/migrate.ts because the CLI's adapter path fails there (prisma/orm#27403).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const databaseUrl = process.env.DATABASE_URL ?? "";
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
const sqliteFile = process.env.HINDSIGHT_SQLITE_FILE ?? path.join(process.cwd(), "data", "hindsight.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  async adapter() {
    return isPostgres ? new PrismaPg({ connectionString: databaseUrl }) : new PrismaBetterSQLite3({ url: `file:${sqliteFile}` });
  },
});
