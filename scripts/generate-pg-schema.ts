// Writes prisma/postgres/schema.prisma from prisma/schema.prisma. `--check` fails when it is stale (CI).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname } from "node:path";
import { POSTGRES_SCHEMA, readPostgresSchemaFromSource } from "./lib/pg-schema";

const expected = readPostgresSchemaFromSource();
if (process.argv.includes("--check")) {
  const actual = existsSync(POSTGRES_SCHEMA) ? readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (actual !== expected) {
    console.error(`${POSTGRES_SCHEMA} is stale: run \`npm run db:schema\``);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}
