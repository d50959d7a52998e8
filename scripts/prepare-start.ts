// The first half of `npm start` (scripts/start.sh): validate the environment, build if needed, migrate the
// database, make sure an API key exists, print the address, and exit; the shell then runs the server in
// its place. A process of its own, so what it loads (TypeScript, Prisma, the drivers) is gone before the
// server starts. `--dev`: bundle the workers instead of building (next dev compiles on demand).
import { getEnv, type Env } from "../lib/env";
import { ensureBuilt } from "./lib/build";
import { buildWorkers } from "./lib/build-workers";
import { prepareDatabase } from "./lib/prepare-database";

const isDev = process.argv.includes("--dev");

async function main(): Promise<void> {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    console.error(`[hindsight] ${(error as Error).message}`);
    process.exit(1);
  }
  if (isDev)
    buildWorkers(); // next dev compiles the app on demand; the worker bundle is ours to make
  else ensureBuilt();
  const where = env.database.kind === "sqlite" ? `SQLite ${env.database.file}` : "PostgreSQL (DATABASE_URL)";
  console.log(`[hindsight] database: ${where}`);
  const { key, adminCreated, needsSetup } = await prepareDatabase(env);
  if (adminCreated) console.log(`[hindsight] created the instance admin ${env.HINDSIGHT_ADMIN_EMAIL} (HINDSIGHT_ADMIN_EMAIL)`);
  if (key.created && key.source === "generated") {
    console.log(`\n[hindsight] Created the first API key (shown once, store it now):\n\n    ${key.key}\n`);
  } else if (key.created) {
    console.log("[hindsight] registered HINDSIGHT_INIT_API_KEY");
  }
  console.log(`[hindsight] dashboard http://localhost:${env.PORT}  ·  OTLP endpoint http://localhost:${env.PORT}/v1/traces`);
  if (needsSetup) console.log(`[hindsight] first start: open http://localhost:${env.PORT}/setup to create the admin account`);
}

main().catch((error: unknown) => {
  console.error(`[hindsight] start failed: ${(error as Error).message}`);
  process.exit(1);
});
