/**
 * Analytics benchmark (issue 4): loads ~1M spans of agent traces spread over the last 30 days into a
 * fresh server (SQLite and/or PostgreSQL), then prints the response time of every metrics endpoint and
 * groupBy: the median of several runs after a warm-up, measured from this process over HTTP.
 *
 *   npx tsx scripts/bench-metrics.ts [--spans 1000000] [--days 30] [--database sqlite|postgres|both] [--runs 7]
 *
 * Loading goes through the real OTLP/protobuf receiver (scripts/bench-metrics/workload.ts), so the
 * rollups are the ones ingest maintains, and the load rate with rollups on is printed too. Before
 * timing, the answers are checked against what was sent (spans per kind and traces per task add up).
 */
import { parseArgs } from "node:util";
import { startHindsight, type Database, type RunningServer } from "../tests/support/hindsight-server";
import { generateBodies, loadWorkload } from "./bench-metrics/workload";

const DAY = 86_400_000;

function parseFlags() {
  const { values } = parseArgs({
    options: { spans: { type: "string" }, days: { type: "string" }, database: { type: "string" }, runs: { type: "string" }, senders: { type: "string" }, seed: { type: "string" } },
  });
  const int = (raw: string | undefined, fallback: number, flag: string) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} expects a positive integer, got "${raw}"`);
    return value;
  };
  const database = values.database ?? "both";
  if (!["sqlite", "postgres", "both"].includes(database)) throw new Error(`--database must be sqlite, postgres or both, got "${database}"`);
  return {
    spans: int(values.spans, 1_000_000, "--spans"),
    days: int(values.days, 30, "--days"),
    runs: int(values.runs, 7, "--runs"),
    senders: int(values.senders, 4, "--senders"),
    seed: int(values.seed, 20261121, "--seed"),
    databases: (database === "both" ? ["sqlite", "postgres"] : [database]) as Database[],
  };
}

type Query = { endpoint: "latency" | "cost"; groupBy: string; bucket: string; range: "30d" | "24h" };
const LATENCY_RUNS: [Query["bucket"], Query["range"]][] = [["1h", "30d"], ["1d", "30d"], ["1m", "24h"], ["5m", "24h"]];
const QUERIES: Query[] = [
  ...["name", "agent", "tool", "model", "kind"].flatMap((groupBy) => LATENCY_RUNS.map(([bucket, range]): Query => ({ endpoint: "latency", groupBy, bucket, range }))),
  ...["task", "agent", "model", "user", "session"].flatMap((groupBy) => ["1h", "1d"].map((bucket): Query => ({ endpoint: "cost", groupBy, bucket, range: "30d" }))),
];

type Point = { count?: number; traces?: number };

async function get(server: RunningServer, path: string): Promise<{ ms: number; data: Point[] }> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
  const body = (await response.json()) as { data: Point[] };
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, data: body.data };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sum = (data: Point[], field: keyof Point) => data.reduce((total, p) => total + (p[field] ?? 0), 0);

async function benchDatabase(database: Database, flags: ReturnType<typeof parseFlags>, log: (line: string) => void): Promise<string[]> {
  log(`${database}: starting a server (builds first if the sources changed)…`);
  const server = await startHindsight({ database });
  try {
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const fromMs = toMs - flags.days * DAY;
    let reported = 0;
    const load = await loadWorkload(server, generateBodies({ spans: flags.spans, fromMs, toMs, seed: flags.seed, spansPerBody: 512 }), flags.senders, (spans) => {
      if (spans - reported >= 100_000) log(`${database}: ${(reported = spans).toLocaleString("en-US")} spans sent`);
    });
    log(`${database}: loaded ${load.spans.toLocaleString("en-US")} spans / ${load.traces.toLocaleString("en-US")} traces in ${load.seconds.toFixed(0)} s (${Math.round(load.spans / load.seconds).toLocaleString("en-US")} spans/s with rollups, ${load.retries} retries)`);

    const window = (range: Query["range"]) => `from=${new Date(range === "30d" ? fromMs : toMs - DAY).toISOString()}&to=${new Date(toMs).toISOString()}`;
    const kinds = await get(server, `/api/v1/metrics/latency?${window("30d")}&bucket=1d&groupBy=kind`);
    const tasks = await get(server, `/api/v1/metrics/cost?${window("30d")}&bucket=1d&groupBy=task`);
    if (sum(kinds.data, "count") !== load.spans || sum(tasks.data, "traces") !== load.traces) {
      throw new Error(`rollups disagree with what was sent: ${sum(kinds.data, "count")} spans by kind (sent ${load.spans}), ${sum(tasks.data, "traces")} traces by task (sent ${load.traces})`);
    }
    log(`${database}: checked: spans by kind and traces by task add up to what was sent`);

    const lines: string[] = [];
    for (const q of QUERIES) {
      const path = `/api/v1/metrics/${q.endpoint}?${window(q.range)}&bucket=${q.bucket}&groupBy=${q.groupBy}`;
      const first = await get(server, path); // warm-up: route bundle, Prisma, caches
      const times: number[] = [];
      for (let i = 0; i < flags.runs; i++) times.push((await get(server, path)).ms);
      lines.push(`| ${database.padEnd(8)} | ${q.endpoint.padEnd(7)} | ${q.groupBy.padEnd(7)} | ${q.range.padEnd(5)} | ${q.bucket.padEnd(6)} | ${String(first.data.length).padStart(6)} | ${median(times).toFixed(1).padStart(9)} | ${Math.max(...times).toFixed(1).padStart(6)} |`);
    }
    return lines;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const flags = parseFlags();
  const log = (line: string) => console.log(`[bench-metrics] ${line}`);
  const lines: string[] = [];
  for (const database of flags.databases) lines.push(...(await benchDatabase(database, flags, log)));
  console.log(`\n${flags.spans.toLocaleString("en-US")} spans over ${flags.days} days; median and max of ${flags.runs} runs after one warm-up, client-side HTTP time.\n`);
  console.log("| database | endpoint | groupBy | range | bucket | points | median ms | max ms |");
  console.log("|----------|---------|---------|-------|--------|--------|-----------|--------|");
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
