/**
 * `npm run db:compact`: converts an existing SQLite database to incremental vacuum (so retention purges
 * shrink the file from then on) and compacts it now. Run it once, with the server stopped: it rewrites
 * the whole file and needs as much free disk space as the file takes. Databases created by this version
 * start in that mode and never need it. PostgreSQL needs nothing (autovacuum reuses the space).
 */
import { existsSync } from "node:fs";
import { getEnv } from "../lib/env";
import { convertToIncrementalVacuum } from "../lib/db/sqlite-vacuum";

const env = getEnv();
if (env.database.kind !== "sqlite") {
  console.log("DATABASE_URL is PostgreSQL: nothing to do (autovacuum reuses purged space).");
  process.exit(0);
}
if (!existsSync(env.database.file)) {
  console.error(`no database at ${env.database.file}`);
  process.exit(1);
}
const { beforeBytes, afterBytes } = convertToIncrementalVacuum(env.database.file);
console.log(`${env.database.file}: ${(beforeBytes / 1e6).toFixed(1)} MB → ${(afterBytes / 1e6).toFixed(1)} MB, incremental vacuum on`);
