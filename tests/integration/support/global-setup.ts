// Starts one server per database for the whole integration run: SQLite always, PostgreSQL when it is
// reachable (CI makes it reachable; there, an unreachable PostgreSQL fails the run instead of skipping).
import type { TestProject } from "vitest/node";
import { isPostgresReachable, startHindsight, type RunningServer } from "../../support/hindsight-server";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: RunningServer[] = [];
  try {
    // Small purge batches, so the retention test takes traces (and a long trace's spans) apart over several.
    const env = { HINDSIGHT_PURGE_BATCH_SPANS: "40" };
    servers.push(await startHindsight({ database: "sqlite", env }));
    if (await isPostgresReachable()) servers.push(await startHindsight({ database: "postgres", env }));
    else if (process.env.CI) throw new Error("PostgreSQL is not reachable (HINDSIGHT_TEST_PG_URL); CI must test it");
    else console.warn("[integration] PostgreSQL not reachable: running on SQLite only");
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  project.provide(
    "servers",
    servers.map(({ name, baseUrl, apiKey, databaseUrl, admin }) => ({ name, baseUrl, apiKey, databaseUrl, admin })),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
