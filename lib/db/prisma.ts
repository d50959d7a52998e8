import "server-only";
// The Prisma client singleton (reads, keys, prices). Two clients are generated from one data model
// (prisma/schema.prisma → SQLite, prisma/postgres/schema.prisma → PostgreSQL); DATABASE_URL picks one.
// They are loaded with a runtime require so the bundler leaves Prisma's generated code and its WASM
// query compiler where `prisma generate` put them.
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient } from "@/prisma/generated/sqlite/index";
import { getEnv } from "@/lib/env";
import { POOL_RESILIENCE } from "./postgres";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { hindsightPrisma?: Db };

function createClient(): Db {
  const { database } = getEnv();
  const load = createRequire(path.join(process.cwd(), "package.json"));
  if (database.kind === "postgres") {
    const { PrismaClient: Client } = load(path.join(process.cwd(), "prisma/generated/postgres")) as { PrismaClient: new (options: object) => Db };
    return new Client({ adapter: new PrismaPg({ connectionString: database.url, ...POOL_RESILIENCE }) });
  }
  const { PrismaClient: Client } = load(path.join(process.cwd(), "prisma/generated/sqlite")) as { PrismaClient: new (options: object) => Db };
  return new Client({ adapter: new PrismaBetterSQLite3({ url: `file:${database.file}` }) });
}

/** The process-wide Prisma client (shared across route bundles through globalThis). */
export function getPrisma(): Db {
  globalForPrisma.hindsightPrisma ??= createClient();
  return globalForPrisma.hindsightPrisma;
}

/** Which database this server runs on. */
export const getDatabaseKind = () => getEnv().database.kind;
