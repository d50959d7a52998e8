// One database's benchmark: start (or use) a server, send the workload, sample its memory, verify the
// stored counts, stop it, then measure the raw limit with the same rows while nothing else runs.
import { loadavg } from "node:os";
import { startHindsight, type Database } from "../../tests/support/hindsight-server";
import type { Workload } from "./encode";
import { rawPostgres } from "./raw-postgres";
import { rawSqlite } from "./raw-sqlite";
import type { BenchRow, RawFigure } from "./report";
import { commandOf, cpuSecondsOf, findServerPid, sampleRss, type RssReport } from "./rss";
import { profilerEnv, snapshot } from "./server-profile";
import { sendAll, warmUp, type SendResult } from "./send";
import { countInDatabase, countThroughApi, type StoredCounts } from "./verify";
import { waitForFindings } from "./findings-drain";

export type RunOptions = {
  database: Database;
  senders: number;
  batchSize: number;
  /** An existing server instead of a fresh one (then memory needs --pid, verification uses the read API). */
  external?: { baseUrl: string; apiKey: string; pid?: number };
  /** Write a V8 profile of the server's sending phase into this folder (slows the server a little). */
  serverCpuProfDir?: string;
  /** Retro-analysis findings on the server (HINDSIGHT_FINDINGS); on by default, like the server. */
  findings?: boolean;
  /** Skip the raw insert limit (a second run of the same workload). */
  skipRaw?: boolean;
  log: (line: string) => void;
};

type Ingest = {
  send: SendResult;
  rss: RssReport | null;
  counts: StoredCounts;
  serverPid: number | null;
  load: [number, number];
  findingsSettledSeconds?: number | null;
  findingsSettleCpuSeconds?: number | null;
};

const load1 = () => loadavg()[0]!;

async function ingestExternal(workload: Workload, options: RunOptions): Promise<Ingest> {
  const target = options.external!;
  await warmUp(target);
  const sampler = target.pid ? sampleRss(target.pid) : null;
  const loadBefore = load1();
  const send = await sendAll(target, workload.bodies, options.senders);
  const load: [number, number] = [loadBefore, load1()];
  const rss = sampler?.stop() ?? null;
  options.log("verifying through the read API…");
  return { send, rss, load, counts: await countThroughApi(target.baseUrl, target.apiKey, workload.traceIds), serverPid: target.pid ?? null };
}

/** startHindsight, retried while another process holds the Next.js build lock (a shared checkout). */
async function startServer(options: RunOptions, env: Record<string, string>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startHindsight({ database: options.database, env });
    } catch (error) {
      if (attempt >= 5 || !/next build/i.test(String((error as Error).message))) throw error;
      options.log(`server start failed (${(error as Error).message.split("\n")[0]}); retrying in 20 s…`);
      await new Promise((resolve) => setTimeout(resolve, 20_000));
    }
  }
}

async function ingestOwnServer(workload: Workload, options: RunOptions): Promise<Ingest> {
  options.log(`starting a ${options.database} server (builds first if the sources changed)…`);
  const profileDir = options.serverCpuProfDir;
  const env = { ...(profileDir ? profilerEnv(profileDir) : {}), HINDSIGHT_FINDINGS: options.findings === false ? "off" : "on" };
  const server = await startServer(options, env);
  // The server runs in its own process group (detached), so Ctrl-C would not reach it: stop it here.
  const interrupted = () => void server.stop().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const serverPid = findServerPid(server.pid);
    await warmUp(server);
    if (profileDir) await snapshot(profileDir, serverPid, 1); // discards start-up and warm-up
    const sampler = sampleRss(serverPid);
    options.log(`sending ${workload.spans.toLocaleString("en-US")} spans to ${server.baseUrl}, sampling pid ${serverPid} (${commandOf(serverPid)})…`);
    const loadBefore = load1();
    let send: SendResult;
    try {
      send = await sendAll(server, workload.bodies, options.senders);
    } catch (error) {
      options.log(`server output (tail):\n${server.output().slice(-3000)}`);
      throw error;
    }
    const rss = sampler.stop();
    const load: [number, number] = [loadBefore, load1()];
    if (profileDir) options.log(`server profile of the sending phase: ${(await snapshot(profileDir, serverPid, 2)) ?? "not written"}`);
    const cpuBefore = cpuSecondsOf(serverPid);
    const findingsSettledSeconds = options.findings === false ? undefined : await waitForFindings(server.databaseUrl);
    const cpuAfter = cpuSecondsOf(serverPid);
    const findingsSettleCpuSeconds = findingsSettledSeconds === undefined || cpuBefore === null || cpuAfter === null ? undefined : cpuAfter - cpuBefore;
    return { send, rss, load, counts: await countInDatabase(server.databaseUrl), serverPid, findingsSettledSeconds, findingsSettleCpuSeconds };
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await server.stop();
  }
}

async function rawLimit(workload: Workload, options: RunOptions): Promise<RawFigure[]> {
  options.log(`measuring the raw ${options.database} insert limit with the same rows…`);
  const perSecond = (r: { rows: number; seconds: number; method: string }) => ({ method: r.method, rowsPerSecond: r.rows / r.seconds });
  if (options.database === "sqlite") return [perSecond(await rawSqlite(workload.bodies))];
  const { insert, copy } = await rawPostgres(workload.bodies);
  return [perSecond(insert), perSecond(copy)];
}

/** Ingest through HTTP, then the raw limit; one table row. */
export async function benchDatabase(workload: Workload, options: RunOptions): Promise<BenchRow> {
  const ingest = options.external ? await ingestExternal(workload, options) : await ingestOwnServer(workload, options);
  const raw = options.skipRaw ? [] : await rawLimit(workload, options);
  return {
    database: `${options.database}${options.findings === false ? " (findings off)" : ""}`,
    findingsSettledSeconds: ingest.findingsSettledSeconds,
    findingsSettleCpuSeconds: ingest.findingsSettleCpuSeconds,
    spans: workload.spans,
    traces: workload.traces,
    senders: options.senders,
    batchSize: options.batchSize,
    bodies: workload.bodies.length,
    bodyMb: workload.bytes / 1e6,
    wallSeconds: ingest.send.wallSeconds,
    ingestPerSecond: workload.spans / ingest.send.wallSeconds,
    raw,
    retries429: ingest.send.retries429,
    retries503: ingest.send.retries503,
    rejectedSpans: ingest.send.rejectedSpans,
    storedSpans: ingest.counts.spans,
    storedTraces: ingest.counts.traces,
    summarySpans: ingest.counts.summarySpans,
    verifiedBy: ingest.counts.how,
    serverPid: ingest.serverPid,
    peakRssMb: ingest.rss?.peakRssMb ?? null,
    hwmMb: ingest.rss?.hwmMb ?? null,
    serverCpuSeconds: ingest.rss?.cpuSeconds ?? null,
    clientCpuSeconds: ingest.send.clientCpuSeconds,
    load: ingest.load,
  };
}
