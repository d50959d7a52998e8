/**
 * Bulk export benchmark: loads N small agent traces (an agent root, an LLM call, a tool call) into a fresh
 * server through the real OTLP/JSON receiver, then downloads GET /api/v1/traces/export?format=jsonl (and
 * csv) and prints the throughput and the peak resident memory of the serving processes while exporting.
 *
 *   npm run bench:export -- [--traces 100000] [--database sqlite|postgres]
 */
import { readdirSync, readFileSync } from "node:fs";
import { startHindsight, type Database } from "../tests/support/hindsight-server";

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const TRACES = Number(flag("traces", "100000"));
const DATABASE = flag("database", "sqlite") as Database;
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
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${format}: ${records.toLocaleString("en-US")} traces, ${mb(bytes)} in ${seconds.toFixed(1)} s = ${Math.round(records / seconds).toLocaleString("en-US")} traces/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s; server RSS ${mb(idleRss)} before, peak ${mb(peak)}`,
  );
}

async function main() {
  const server = await startHindsight({ database: DATABASE });
  try {
    const baseMs = Date.now() - TRACES * 10 - 3_600_000;
    const loadStarted = performance.now();
    for (let first = 0; first < TRACES; first += TRACES_PER_BODY) {
      const response = await fetch(`${server.baseUrl}/v1/traces`, {
        method: "POST",
        headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
        body: body(first, Math.min(TRACES_PER_BODY, TRACES - first), baseMs),
      });
      if (response.status !== 200) throw new Error(`load: ${response.status} ${await response.text()}`);
    }
    console.log(
      `${DATABASE}: loaded ${TRACES.toLocaleString("en-US")} traces (${(TRACES * 3).toLocaleString("en-US")} spans) in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
    );
    await exportOnce(server.baseUrl, server.apiKey, server.pid, "csv");
    await exportOnce(server.baseUrl, server.apiKey, server.pid, "jsonl");
  } finally {
    await server.stop();
  }
}

await main();
