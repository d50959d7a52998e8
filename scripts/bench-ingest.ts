/**
 * `npm run bench:ingest`: OTLP/protobuf ingest throughput next to the raw insert limit of the same
 * database, measured in the same run, plus the server's memory and a zero-loss check (issue 2, "How it
 * must be shown"). The pieces live in scripts/bench/; this file parses flags, runs each database and
 * prints the table. Exits 1 when any span was lost or rejected.
 */
import { parseArgs } from "node:util";
import { buildWorkload } from "./bench/encode";
import { formatFindingsCost, formatReport, failed, type BenchRow } from "./bench/report";
import { benchLongTrace, formatLongTrace } from "./bench/long-trace-run";
import { benchDatabase } from "./bench/run";

const USAGE = `Usage: npm run bench:ingest -- [--spans N] [--database sqlite|postgres|both] [--url URL --key KEY [--pid PID]]
       npm run bench:ingest -- --long-trace [--requests N] [--batch N] [--database sqlite|postgres|both] [--no-others]

  --spans N        spans to send, in whole agent traces of 10–40 spans (default 200000)
  --database D     sqlite (default), postgres (the local test PostgreSQL) or both
  --senders N      concurrent senders (default 4)
  --batch N        spans per OTLP request (default 512)
  --seed S         workload seed (default 20261121)
  --findings F     on (default), off, or both: the same workload without then with retro-analysis
                   findings (HINDSIGHT_FINDINGS), to print what findings cost
  --url URL        send to this running server instead of starting one (verification via the read API)
  --key KEY        API key for --url
  --pid PID        that server's pid, to sample its memory
  --redaction      run each database twice, redaction off then on (every built-in detector), and print
                   what redaction costs in throughput (target: at most 15 %)
  --server-cpu-prof DIR  write a V8 profile of the server's sending phase into DIR
                   (summarise: tsx scripts/bench/cpuprofile-top.ts DIR/server-*-2.cpuprofile)

  --long-trace     one trace growing by --batch spans (default 500) per request for --requests requests
                   (default 100), sent one at a time while other traces are ingested beside it; prints
                   the latency of the first and last ten requests, the others' latency, and the time
                   to open the grown trace (API and trace page)
  --no-others      --long-trace without the other traces`;

class UsageError extends Error {}

function positive(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${flag} expects a positive integer, got "${raw}"`);
  return value;
}

function parseFlags() {
  const { values } = parseArgs({
    options: {
      spans: { type: "string" },
      database: { type: "string" },
      senders: { type: "string" },
      batch: { type: "string" },
      seed: { type: "string" },
      url: { type: "string" },
      key: { type: "string" },
      pid: { type: "string" },
      "server-cpu-prof": { type: "string" },
      findings: { type: "string" },
      "long-trace": { type: "boolean" },
      redaction: { type: "boolean" },
      requests: { type: "string" },
      "no-others": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const database = values.database ?? "sqlite";
  if (!["sqlite", "postgres", "both"].includes(database)) throw new UsageError(`--database must be sqlite, postgres or both, got "${database}"`);
  if (values.url && !values.key) throw new UsageError("--url needs --key");
  if (values.url && database === "both") throw new UsageError("--url targets one server: pick --database sqlite or postgres (its backend)");
  const findings = values.findings ?? "on";
  if (!["on", "off", "both"].includes(findings)) throw new UsageError(`--findings must be on, off or both, got "${findings}"`);
  if (values.url && findings !== "on") throw new UsageError("--findings applies to servers the benchmark starts, not to --url");
  const longTrace = values["long-trace"] ?? false;
  if (longTrace && values.url) throw new UsageError("--long-trace starts its own servers: drop --url");
  if (values.redaction && (values.url || longTrace)) throw new UsageError("--redaction starts its own servers: drop --url and --long-trace");
  return {
    longTrace,
    redaction: values.redaction ?? false,
    requests: positive(values.requests, 100, "--requests"),
    others: !(values["no-others"] ?? false),
    help: values.help ?? false,
    spans: positive(values.spans, 200_000, "--spans"),
    databases: database === "both" ? (["sqlite", "postgres"] as const) : ([database as "sqlite" | "postgres"] as const),
    senders: positive(values.senders, 4, "--senders"),
    batchSize: positive(values.batch, longTrace ? 500 : 512, "--batch"),
    seed: positive(values.seed, 20261121, "--seed"),
    serverCpuProfDir: values["server-cpu-prof"],
    findings: findings as "on" | "off" | "both",
    external: values.url
      ? { baseUrl: values.url.replace(/\/$/, ""), apiKey: values.key!, pid: values.pid ? positive(values.pid, 0, "--pid") : undefined }
      : undefined,
  };
}

async function main(): Promise<number> {
  const flags = parseFlags();
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => console.log(`[bench] ${line}`);
  if (flags.longTrace) return longTrace(flags, log);
  let started = performance.now();
  const workload = buildWorkload(flags.spans, flags.batchSize, flags.seed);
  log(
    `generated and encoded ${workload.spans.toLocaleString("en-US")} spans / ${workload.traces.toLocaleString("en-US")} traces into ` +
      `${workload.bodies.length} bodies (${(workload.bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s (untimed)`,
  );
  const rows: BenchRow[] = [];
  const findingsCosts: string[] = [];
  const redactionCosts: string[] = [];
  for (const database of flags.databases) {
    started = performance.now();
    const options = { database, senders: flags.senders, batchSize: flags.batchSize, external: flags.external, serverCpuProfDir: flags.serverCpuProfDir, log };
    if (flags.redaction) {
      const off = await benchDatabase(workload, options);
      const on = await benchDatabase(workload, { ...options, redaction: true, skipRaw: true });
      rows.push(off, on);
      redactionCosts.push(redactionCost(off, on));
    } else {
      const off = flags.findings === "on" ? null : await benchDatabase(workload, { ...options, findings: false });
      if (off) rows.push(off);
      const on = flags.findings === "off" ? null : await benchDatabase(workload, { ...options, findings: true, skipRaw: off !== null });
      if (on) rows.push(on);
      if (on && off) findingsCosts.push(formatFindingsCost(on, off));
    }
    log(`${database} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // Shown at once, so a later database's failure does not lose this one's figures.
    if (flags.databases.length > 1) console.log(`\n${formatReport(rows.slice(-1))}\n`);
  }
  console.log(`\n${formatReport(rows)}`);
  for (const line of findingsCosts) console.log(`\n${line}`);
  for (const line of redactionCosts) console.log(`\n${line}`);
  return rows.some(failed) ? 1 : 0;
}

/** What redaction costs: throughput with every detector on against off, on the same workload and database. */
function redactionCost(off: BenchRow, on: BenchRow): string {
  const cost = (1 - on.ingestPerSecond / off.ingestPerSecond) * 100;
  const figures = `${Math.round(off.ingestPerSecond).toLocaleString("en-US")} → ${Math.round(on.ingestPerSecond).toLocaleString("en-US")} spans/s`;
  const verdict = `${cost.toFixed(1)} % of throughput (target: at most 15 %) ${cost <= 15 ? "met" : "NOT met"}`;
  // On a shared or idle machine the server is not CPU-bound, so throughput can hide the work redaction adds.
  const perSpan = (row: BenchRow) => (row.serverCpuSeconds === null ? null : (1e6 * row.serverCpuSeconds) / row.spans);
  const [cpuOff, cpuOn] = [perSpan(off), perSpan(on)];
  const cpu =
    cpuOff === null || cpuOn === null
      ? ""
      : `; server CPU ${cpuOff.toFixed(0)} → ${cpuOn.toFixed(0)} µs/span, so ${(100 * (1 - cpuOff / cpuOn)).toFixed(1)} % of throughput where the CPU is the limit`;
  return `redaction on (every detector), ${off.database}: ${figures}, ${verdict}${cpu}`;
}

async function longTrace(flags: ReturnType<typeof parseFlags>, log: (line: string) => void): Promise<number> {
  const reports: string[] = [];
  for (const database of flags.databases) {
    const result = await benchLongTrace({ database, requests: flags.requests, spansPerBody: flags.batchSize, seed: flags.seed, others: flags.others, log });
    reports.push(formatLongTrace(result));
    console.log(`\n${reports.at(-1)}\n`);
    if (result.storedSpanCount !== result.spans) return 1;
  }
  if (reports.length > 1) console.log(`\n${reports.join("\n\n")}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`[bench] failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
