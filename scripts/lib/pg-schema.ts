// Derives the PostgreSQL Prisma schema from prisma/schema.prisma (the one source of truth).
// Only the datasource provider, its url and the client output differ; the models are shared verbatim.
import { readFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function buildPostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace('output     = "./generated/sqlite"', 'output     = "../generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../data/hindsight.db"', 'url      = "postgresql://localhost:5432/hindsight"');
  if (replaced === sqliteSchema || !replaced.includes('provider = "postgresql"') || !replaced.includes("generated/postgres")) {
    throw new Error(`${SQLITE_SCHEMA}: generator output, provider or url line changed; update scripts/lib/pg-schema.ts`);
  }
  const header = `// GENERATED from ${SQLITE_SCHEMA} by \`npm run db:schema\`. Do not edit.\n`;
  return header + replaced;
}

export function readPostgresSchemaFromSource(): string {
  return buildPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
}
