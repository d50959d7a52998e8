/**
 * Pipeline-map benchmark: loads ~1M spans of agent traces over the last 30 days into a fresh server (SQLite
 * and/or PostgreSQL) through the real OTLP receiver, then prints the response time of GET /api/v1/graph for
 * the 30 days (whole map, one task, one agent, with a comparison period) and for the last 24 h: the median of
 * several runs after a warm-up, HTTP time from this process to the last byte (an upper bound of the server's
 * time on loopback). With --ingest it also loads the same spans into a second server with
 * HINDSIGHT_PIPELINE_MAP=off and prints both load rates.
 *
 *   npx tsx scripts/bench-graph.ts [--spans 1000000] [--days 30] [--database sqlite|postgres|both] [--runs 7] [--ingest]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { startHindsight, type Database, type RunningServer } from "../tests/support/hindsight-server";
import { median } from "./bench-metrics/timing";
import { generateBodies, loadWorkload } from "./bench-metrics/workload";

const DAY = 86_400_000;
const log = (line: string) => console.log(`[bench-graph] ${line}`);

function flags() {
  const { values } = parseArgs({
    options: { spans: { type: "string" }, days: { type: "string" }, database: { type: "string" }, runs: { type: "string" }, ingest: { type: "boolean" } },
  });
  const int = (raw: string | undefined, fallback: number) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`expected a positive integer, got "${raw}"`);
    return value;
  };
  const database = values.database ?? "both";
  if (!["sqlite", "postgres", "both"].includes(database)) throw new Error(`--database must be sqlite, postgres or both`);
  return {
    spans: int(values.spans, 1_000_000),
    days: int(values.days, 30),
    runs: int(values.runs, 7),
    ingest: values.ingest ?? false,
    databases: (database === "both" ? ["sqlite", "postgres"] : [database]) as Database[],
  };
}

type Graph = { nodes: { id: string; type: string; calls: number }[]; edges: unknown[] };

async function getGraph(server: RunningServer, query: string): Promise<{ ms: number; graph: Graph }> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/api/v1/graph?${query}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET graph: ${response.status} ${text.slice(0, 300)}`);
  return { ms, graph: JSON.parse(text) as Graph };
}

async function load(server: RunningServer, spans: number, fromMs: number, toMs: number, label: string): Promise<number> {
  const result = await loadWorkload(server, generateBodies({ spans, fromMs, toMs, seed: 20261121, spansPerBody: 512 }), 4, () => {});
  const rate = result.spans / result.seconds;
  log(
    `${label}: loaded ${result.spans.toLocaleString("en-US")} spans / ${result.traces.toLocaleString("en-US")} traces in ${result.seconds.toFixed(0)} s (${Math.round(rate).toLocaleString("en-US")} spans/s)`,
  );
  return rate;
}

async function bench(database: Database, f: ReturnType<typeof flags>, rows: string[]): Promise<void> {
  const server = await startHindsight({ database });
  try {
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const fromMs = toMs - f.days * DAY;
    const onRate = await load(server, f.spans, fromMs, toMs, `${database} (map on)`);
    const iso = (ms: number) => new Date(ms).toISOString();
    const whole = await getGraph(server, `from=${iso(fromMs)}&to=${iso(toMs)}`);
    const agent = whole.graph.nodes.find((n) => n.type === "agent")!;
    log(`${database}: ${whole.graph.nodes.length} nodes, ${whole.graph.edges.length} edges; ${agent.id} has ${agent.calls.toLocaleString("en-US")} runs`);
    const queries: [string, string][] = [
      [`${f.days} d`, `from=${iso(fromMs)}&to=${iso(toMs)}`],
      [`${f.days} d, one task`, `from=${iso(fromMs)}&to=${iso(toMs)}&task=refund-request`],
      [`${f.days} d, one agent`, `from=${iso(fromMs)}&to=${iso(toMs)}&agent=${encodeURIComponent(agent.id.slice("agent:".length))}`],
      [`${f.days} d + previous ${f.days} d`, `from=${iso(fromMs)}&to=${iso(toMs)}&compareFrom=${iso(fromMs - f.days * DAY)}&compareTo=${iso(fromMs)}`],
      ["24 h", `from=${iso(toMs - DAY)}&to=${iso(toMs)}`],
    ];
    for (const [label, query] of queries) {
      await getGraph(server, query);
      const times: number[] = [];
      for (let i = 0; i < f.runs; i++) times.push((await getGraph(server, query)).ms);
      rows.push(
        `| ${database.padEnd(8)} | ${label.padEnd(22)} | ${median(times).toFixed(1).padStart(9)} | ${Math.max(...times)
          .toFixed(1)
          .padStart(6)} |`,
      );
    }
    log(
      `${database}: load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    if (f.ingest) {
      const off = await startHindsight({ database, env: { HINDSIGHT_PIPELINE_MAP: "off" } });
      try {
        const offRate = await load(off, f.spans, fromMs, toMs, `${database} (map off)`);
        rows.push(
          `| ${database.padEnd(8)} | ingest on/off spans/s  | ${Math.round(onRate)} / ${Math.round(offRate)} (${((onRate / offRate - 1) * 100).toFixed(1)} %) |`,
        );
      } finally {
        await off.stop();
      }
    }
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const f = flags();
  const rows: string[] = [];
  for (const database of f.databases) await bench(database, f, rows);
  console.log(
    `\n${f.spans.toLocaleString("en-US")} spans over ${f.days} days; median and max of ${f.runs} runs after a warm-up, HTTP time to the last byte.\n`,
  );
  console.log("| database | graph                  | median ms | max ms |");
  console.log("|----------|------------------------|-----------|--------|");
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
