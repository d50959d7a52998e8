/**
 * Analytics benchmark (issue 4): loads ~1M spans of agent traces spread over the last 30 days into a
 * fresh server (SQLite and/or PostgreSQL), then prints the response time of every metrics endpoint and
 * groupBy, and of every dashboard page (default 24 h and 30 days): the median of several runs after a
 * warm-up, measured from this process over HTTP.
 *
 *   npx tsx scripts/bench-metrics.ts [--spans 1000000] [--days 30] [--database sqlite|postgres|both] [--runs 7]
 *                                    [--database-url file:/tmp/bench.db | postgresql://…/db]
 *
 * Loading goes through the real OTLP/protobuf receiver (scripts/bench-metrics/workload.ts), so the
 * rollups are the ones ingest maintains, and the load rate with rollups on is printed too. Before
 * timing, the answers are checked against what was sent (spans per kind and traces per task add up).
 * With --database-url the database is kept, and loaded only when it holds no traces yet (then the
 * timings cover whatever it holds: the window is still the last --days days).
 */
import { loadavg } from "node:os";
import pg from "pg";
import { startHindsight, type Database, type RunningServer } from "../tests/support/hindsight-server";
import { parseBenchFlags, type BenchFlags } from "./bench-metrics/flags";
import { benchPages, PAGE_TABLE_HEADER } from "./bench-metrics/pages";
import { getJson, timeRuns, type Point } from "./bench-metrics/timing";
import { generateBodies, loadWorkload } from "./bench-metrics/workload";

const DAY = 86_400_000;

/** `top`: the cost API's parameter (absent: its default); `all` times the uncapped answer. */
type Query = { endpoint: "latency" | "cost"; groupBy: string; bucket: string; range: "30d" | "24h"; top?: string };
const LATENCY_RUNS: [Query["bucket"], Query["range"]][] = [
  ["1h", "30d"],
  ["1d", "30d"],
  ["1m", "24h"],
  ["5m", "24h"],
];
const QUERIES: Query[] = [
  ...["name", "agent", "tool", "model", "kind"].flatMap((groupBy) =>
    LATENCY_RUNS.map(([bucket, range]): Query => ({ endpoint: "latency", groupBy, bucket, range })),
  ),
  ...["task", "agent", "model", "user", "session"].flatMap((groupBy) =>
    ["1h", "1d"].map((bucket): Query => ({ endpoint: "cost", groupBy, bucket, range: "30d" })),
  ),
  ...["user", "session"].flatMap((groupBy) => ["1h", "1d"].map((bucket): Query => ({ endpoint: "cost", groupBy, bucket, range: "30d", top: "all" }))),
];

const sum = (data: Point[], field: keyof Point) => data.reduce((total, p) => total + (p[field] ?? 0), 0);

/** Loads the workload unless a reused database already holds traces. */
async function fill(server: RunningServer, database: Database, flags: BenchFlags, fromMs: number, toMs: number, log: (line: string) => void): Promise<void> {
  const window = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
  if (flags.databaseUrl) {
    const held = sum((await getJson(server, `/api/v1/metrics/cost?from=${new Date(toMs - 400 * DAY).toISOString()}&bucket=1d&groupBy=task`)).data, "traces");
    if (held > 0) return log(`${database}: reusing ${flags.databaseUrl} (${held.toLocaleString("en-US")} traces), not loading`);
  }
  let reported = 0;
  const load = await loadWorkload(server, generateBodies({ spans: flags.spans, fromMs, toMs, seed: flags.seed, spansPerBody: 512 }), flags.senders, (spans) => {
    if (spans - reported >= 100_000) log(`${database}: ${(reported = spans).toLocaleString("en-US")} spans sent`);
  });
  log(
    `${database}: loaded ${load.spans.toLocaleString("en-US")} spans / ${load.traces.toLocaleString("en-US")} traces in ${load.seconds.toFixed(0)} s (${Math.round(load.spans / load.seconds).toLocaleString("en-US")} spans/s with rollups, ${load.retries} retries)`,
  );
  const kinds = await getJson(server, `/api/v1/metrics/latency?${window}&bucket=1d&groupBy=kind`);
  const tasks = await getJson(server, `/api/v1/metrics/cost?${window}&bucket=1d&groupBy=task`);
  if (sum(kinds.data, "count") !== load.spans || sum(tasks.data, "traces") !== load.traces) {
    throw new Error(
      `rollups disagree with what was sent: ${sum(kinds.data, "count")} spans by kind (sent ${load.spans}), ${sum(tasks.data, "traces")} traces by task (sent ${load.traces})`,
    );
  }
  log(`${database}: checked: spans by kind and traces by task add up to what was sent`);
  if (database === "postgres") await settlePostgres(server.databaseUrl, log);
}

/**
 * VACUUM (ANALYZE) after the bulk load, as autovacuum does within minutes: until then the rollups'
 * visibility map is empty and every index-only scan also reads the table (36,000 heap fetches for 30
 * days of hourly session rows), which is the state of no database that has been running for a while.
 */
async function settlePostgres(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
    log("postgres: VACUUM (ANALYZE) after the load");
  } finally {
    await client.end();
  }
}

async function benchDatabase(database: Database, flags: BenchFlags, log: (line: string) => void): Promise<{ endpoints: string[]; pages: string[] }> {
  log(`${database}: starting a server (builds first if the sources changed)…`);
  const server = await startHindsight({ database, ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}) });
  try {
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const fromMs = toMs - flags.days * DAY;
    await fill(server, database, flags, fromMs, toMs, log);

    const window = (range: Query["range"]) => `from=${new Date(range === "30d" ? fromMs : toMs - DAY).toISOString()}&to=${new Date(toMs).toISOString()}`;
    const endpoints: string[] = [];
    for (const q of QUERIES) {
      const path = `/api/v1/metrics/${q.endpoint}?${window(q.range)}&bucket=${q.bucket}&groupBy=${q.groupBy}${q.top ? `&top=${q.top}` : ""}`;
      const { first, medianMs, maxMs } = await timeRuns(flags.runs, () => getJson(server, path));
      endpoints.push(
        `| ${database.padEnd(8)} | ${q.endpoint.padEnd(7)} | ${(q.top ? `${q.groupBy} top=${q.top}` : q.groupBy).padEnd(7)} | ${q.range.padEnd(5)} | ${q.bucket.padEnd(6)} | ${String(first.data.length).padStart(6)} | ${medianMs.toFixed(1).padStart(9)} | ${maxMs.toFixed(1).padStart(6)} | ${first.parseMs.toFixed(1).padStart(8)} |`,
      );
    }
    log(`${database}: timing the dashboard pages…`);
    const pages = await benchPages(server, database, flags.runs);
    // Timings are wall-clock on a shared machine: the load says whether something else competed.
    log(
      `${database}: load average after timing: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    return { endpoints, pages };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const flags = parseBenchFlags();
  const log = (line: string) => console.log(`[bench-metrics] ${line}`);
  const endpoints: string[] = [],
    pages: string[] = [];
  for (const database of flags.databases) {
    const lines = await benchDatabase(database, flags, log);
    endpoints.push(...lines.endpoints);
    pages.push(...lines.pages);
  }
  console.log(
    `\n${flags.spans.toLocaleString("en-US")} spans over ${flags.days} days; median and max of ${flags.runs} runs after one warm-up, client-side HTTP time to the last byte of the body; "parse ms" is the client's UTF-8 decoding and JSON.parse of the answer afterwards (not counted).\n`,
  );
  console.log("| database | endpoint | groupBy | range | bucket | points | median ms | max ms | parse ms |");
  console.log("|----------|---------|---------|-------|--------|--------|-----------|--------|----------|");
  for (const line of endpoints) console.log(line);
  console.log("\nDashboard pages: GET of the whole HTML (streamed), same runs.\n");
  for (const line of [...PAGE_TABLE_HEADER, ...pages]) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
