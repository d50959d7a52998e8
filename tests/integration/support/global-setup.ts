// Starts one server per database for the whole integration run: SQLite always, PostgreSQL when it is
// reachable (CI makes it reachable; there, an unreachable PostgreSQL fails the run instead of skipping).
import type { TestProject } from "vitest/node";
import { isPostgresReachable, startHindsight, type RunningServer } from "../../support/hindsight-server";
import { startJudgeMock } from "./judge-mock";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: RunningServer[] = [];
  // The LLM judges' endpoint (evaluators.test.ts): a local imitation of the chat completions API.
  const judge = await startJudgeMock();
  try {
    // Small purge batches, so the retention test takes traces (and a long trace's spans) apart over several;
    // evaluators run one second after a trace went quiet.
    const env = {
      HINDSIGHT_PURGE_BATCH_SPANS: "40",
      HINDSIGHT_EVAL_SETTLE_SECONDS: "1",
      HINDSIGHT_JUDGE_BASE_URL: judge.baseURL,
      HINDSIGHT_JUDGE_TIMEOUT_MS: "5000",
    };
    servers.push(await startHindsight({ database: "sqlite", env }));
    if (await isPostgresReachable()) servers.push(await startHindsight({ database: "postgres", env }));
    else if (process.env.CI) throw new Error("PostgreSQL is not reachable (HINDSIGHT_TEST_PG_URL); CI must test it");
    else console.warn("[integration] PostgreSQL not reachable: running on SQLite only");
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    await judge.close();
    throw error;
  }
  project.provide(
    "servers",
    servers.map(({ name, baseUrl, apiKey, databaseUrl, admin }) => ({ name, baseUrl, apiKey, databaseUrl, admin })),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await judge.close();
  };
}
