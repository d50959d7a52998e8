/**
 * Bulk export benchmark: loads N small agent traces (an agent root, an LLM call, a tool call) into a fresh
 * database through the real OTLP/JSON receiver, then starts a new server process on it and downloads
 * GET /api/v1/traces/export?format=csv (and jsonl), printing the throughput and the peak resident memory
 * of the serving processes while exporting. The export gets a process of its own so the figure is what
 * exporting costs, not the heap the load left behind. Retro analysis is off unless `--findings on`: with
 * it on, the server analyses the N new traces in the background while the export runs.
 *
 *   npm run bench:export -- [--traces 100000] [--database sqlite|postgres] [--findings off|on]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startHindsight, TEST_PG_ADMIN_URL, type Database } from "../tests/support/hindsight-server";

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const TRACES = Number(flag("traces", "100000"));
const DATABASE = flag("database", "sqlite") as Database;
const FINDINGS = flag("findings", "off");
const SERVER_ENV = { HINDSIGHT_FINDINGS: FINDINGS };
const TRACES_PER_BODY = 500;

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const ns = (ms: number) => (BigInt(ms) * 1_000_000n).toString();
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

function body(first: number, count: number, baseMs: number): string {
  const spans = [];
  for (let i = first; i < first + count; i++) {
    const traceId = `${hex(0xbe7c, 16)}${hex(i, 16)}`;
    const root = hex(i * 4 + 1, 16);
    const t = baseMs + i * 10;
    spans.push(
      {
        traceId,
        spanId: root,
        name: `task-${i % 12}`,
        kind: 1,
        startTimeUnixNano: ns(t),
        endTimeUnixNano: ns(t + 900),
        status: { code: 1 },
        attributes: [str("gen_ai.agent.name", "planner"), str("session.id", `s-${i % 500}`)],
      },
      {
        traceId,
        spanId: hex(i * 4 + 2, 16),
        parentSpanId: root,
        name: "chat gpt-4o-mini",
        kind: 3,
        startTimeUnixNano: ns(t + 10),
        endTimeUnixNano: ns(t + 500),
        status: { code: 1 },
        attributes: [
          str("gen_ai.operation.name", "chat"),
          str("gen_ai.request.model", "gpt-4o-mini"),
          int("gen_ai.usage.input_tokens", 400),
          int("gen_ai.usage.output_tokens", 60),
          str("gen_ai.prompt", `Plan step ${i} for the customer request about an order that went missing`),
        ],
      },
      {
        traceId,
        spanId: hex(i * 4 + 3, 16),
        parentSpanId: root,
        name: "execute_tool search",
        kind: 1,
        startTimeUnixNano: ns(t + 510),
        endTimeUnixNano: ns(t + 880),
        status: { code: i % 20 === 0 ? 2 : 1 },
        attributes: [str("gen_ai.operation.name", "execute_tool"), str("gen_ai.tool.name", "search")],
      },
    );
  }
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [str("service.name", "bench-export")] }, scopeSpans: [{ scope: { name: "bench" }, spans }] }],
  });
}

/** Resident memory (bytes) of `pid` and all its descendants: the start script and the `next start` it runs. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while being read
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${next}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(next) ?? []));
  }
  return total;
}

/** The machine's 1-minute load average: the figures are only comparable between runs under similar load. */
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];

async function exportOnce(baseUrl: string, apiKey: string, pid: number, format: "jsonl" | "csv") {
  const idleRss = treeRss(pid);
  let peak = idleRss;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 100);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/traces/export?format=${format}`, { headers: { authorization: `Bearer ${apiKey}` } });
  let bytes = 0,
    lines = 0;
  const reader = response.body!.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.length;
    for (const byte of next.value) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(pid));
  const records = format === "csv" ? lines - 1 : lines;
  if (response.status !== 200) throw new Error(`export ${format}: ${response.status}`);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${format}: ${records.toLocaleString("en-US")} traces, ${mb(bytes)} in ${seconds.toFixed(1)} s = ${Math.round(records / seconds).toLocaleString("en-US")} traces/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s; server RSS ${mb(idleRss)} before, peak ${mb(peak)}; load average ${loadAverage()}`,
  );
}

/** A database of the benchmark's own, outliving the server processes started on it. */
async function freshDatabase(database: Database): Promise<{ url: string; drop: () => Promise<void> }> {
  if (database === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "hindsight-bench-export-"));
    return { url: `file:${path.join(dir, "hindsight.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `hindsight_bench_${randomBytes(6).toString("hex")}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function load(baseUrl: string, apiKey: string) {
  const baseMs = Date.now() - TRACES * 10 - 3_600_000;
  const loadStarted = performance.now();
  for (let first = 0; first < TRACES; first += TRACES_PER_BODY) {
    const response = await fetch(`${baseUrl}/v1/traces`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body(first, Math.min(TRACES_PER_BODY, TRACES - first), baseMs),
    });
    if (response.status !== 200) throw new Error(`load: ${response.status} ${await response.text()}`);
  }
  console.log(
    `${DATABASE}: loaded ${TRACES.toLocaleString("en-US")} traces (${(TRACES * 3).toLocaleString("en-US")} spans) in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s (findings ${FINDINGS})`,
  );
}

async function main() {
  if (!["on", "off"].includes(FINDINGS)) throw new Error(`--findings must be on or off, got "${FINDINGS}"`);
  const database = await freshDatabase(DATABASE);
  const apiKey = `hs_bench_${randomBytes(12).toString("hex")}`;
  const options = { database: DATABASE, databaseUrl: database.url, apiKey, env: SERVER_ENV };
  try {
    const loader = await startHindsight(options);
    try {
      await load(loader.baseUrl, apiKey);
    } finally {
      await loader.stop();
    }
    const server = await startHindsight(options);
    try {
      await exportOnce(server.baseUrl, apiKey, server.pid, "csv");
      await exportOnce(server.baseUrl, apiKey, server.pid, "jsonl");
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

await main();
