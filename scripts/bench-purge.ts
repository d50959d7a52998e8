/**
 * `npm run bench:purge`: what a retention purge costs the ingest going on beside it. Loads --spans spans
 * (a fraction --expired of them 60 days old, the rest 3 days old) into a fresh server, then sends new
 * traces for --load-seconds without any purge, then sets the default project's retention to 30 days,
 * which starts the server's own purge job, and keeps sending until the expired traces are gone. Prints
 * ingest throughput and request latency (p50, p95) in both phases, their ratio, the purge's duration
 * and the database size before and after (SQLite: after the incremental vacuum handed pages back).
 *
 *   npm run bench:purge -- [--spans N] [--expired F] [--database sqlite|postgres|both] [--senders N] [--load-seconds S]
 */
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { startHindsight, type Database as DatabaseKind } from "../tests/support/hindsight-server";
import { buildWorkload } from "./bench/encode";
import { figuresBetween, sendLoad, variantsOf } from "./bench/purge-load";
import { warmUp, type Target } from "./bench/send";
import { BASE_MS } from "./bench/traces";

const { values } = parseArgs({
  options: {
    spans: { type: "string" },
    expired: { type: "string" },
    database: { type: "string" },
    senders: { type: "string" },
    "load-seconds": { type: "string" },
    batch: { type: "string" },
  },
});
const spans = Number(values.spans ?? 1_000_000);
const expiredShare = Number(values.expired ?? 0.3);
const senders = Number(values.senders ?? 4);
const loadSeconds = Number(values["load-seconds"] ?? 30);
const batchSize = Number(values.batch ?? 512);
const databases: DatabaseKind[] = values.database === "both" ? ["sqlite", "postgres"] : [(values.database ?? "sqlite") as DatabaseKind];
if (
  !(spans > 0) ||
  !(expiredShare > 0 && expiredShare < 1) ||
  !(senders > 0) ||
  !(loadSeconds > 0) ||
  databases.some((d) => d !== "sqlite" && d !== "postgres")
) {
  console.error("usage: npm run bench:purge -- [--spans N] [--expired 0<F<1] [--database sqlite|postgres|both] [--senders N] [--load-seconds S]");
  process.exit(2);
}

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 30;
const CHUNK_SPANS = 25_000;
const batchSpans = Number(process.env.HINDSIGHT_PURGE_BATCH_SPANS ?? 2000);
const log = (line: string) => console.log(`[bench:purge] ${line}`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** Reads the server's database from this process: expired traces left, spans, free pages, size. */
async function probeOf(databaseUrl: string, cutoffNs: bigint) {
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.defaultSafeIntegers(true);
    const one = (text: string, ...params: unknown[]) => Number((db.prepare(text).get(...params) as { n: bigint | null }).n ?? 0);
    return {
      expired: async () => one(`SELECT count(*) AS n FROM "traces" WHERE "projectId" = 'default' AND "startNs" < ?`, cutoffNs),
      spans: async () => one(`SELECT count(*) AS n FROM "spans"`),
      freePages: async () => one(`SELECT freelist_count AS n FROM pragma_freelist_count`),
      bytes: async () => statSync(file).size,
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const one = async (text: string, params: unknown[] = []) => Number((await client.query<{ n: string | null }>(text, params)).rows[0]?.n ?? 0);
  return {
    expired: () => one(`SELECT count(*) AS n FROM "traces" WHERE "projectId" = 'default' AND "startNs" < $1`, [cutoffNs.toString()]),
    spans: () => one(`SELECT count(*) AS n FROM "spans"`),
    freePages: async () => 0,
    bytes: () => one(`SELECT pg_database_size(current_database()) AS n`),
    close: () => client.end(),
  };
}

const row = (label: string, f: ReturnType<typeof figuresBetween>, refused: number) =>
  `${label.padEnd(14)} ${f.spansPerSecond.toFixed(0).padStart(7)} spans/s   p50 ${f.p50.toFixed(0).padStart(5)} ms   p95 ${f.p95.toFixed(0).padStart(5)} ms   ${String(f.requests).padStart(5)} requests in ${f.seconds.toFixed(1)} s (${refused} refused with 429/503)`;

async function benchOne(database: DatabaseKind): Promise<void> {
  const now = Date.now();
  log(`generating three chunks of ${CHUNK_SPANS.toLocaleString("en-US")} spans (60 days old, 3 days old, live)…`);
  const chunk = (seed: number, ageMs: number) => buildWorkload(CHUNK_SPANS, batchSize, seed, now - ageMs - BASE_MS);
  const [expiredChunk, keptChunk, liveChunk] = [chunk(11, 60 * DAY_MS), chunk(12, 3 * DAY_MS), chunk(13, 10 * 60_000)];
  const expiredVariants = Math.max(1, Math.round((spans * expiredShare) / expiredChunk.spans));
  const keptVariants = Math.max(1, Math.round(spans / keptChunk.spans) - expiredVariants);
  if (expiredVariants + keptVariants > 254) throw new Error("--spans too large for the chunk size");

  log(`${database}: starting a server…`);
  const server = await startHindsight({ database, env: { HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS: "0" } });
  const target: Target = { baseUrl: server.baseUrl, apiKey: server.apiKey };
  const cutoffNs = BigInt(now - RETENTION_DAYS * DAY_MS) * 1_000_000n;
  const probe = await probeOf(server.databaseUrl, cutoffNs);
  try {
    await warmUp(target);
    const loadStart = performance.now();
    log(
      `loading ${((expiredVariants * expiredChunk.spans) / 1e3).toFixed(0)}k expired and ${((keptVariants * keptChunk.spans) / 1e3).toFixed(0)}k kept spans…`,
    );
    await sendLoad(target, variantsOf(expiredChunk, expiredVariants), senders);
    await sendLoad(target, variantsOf(keptChunk, keptVariants), senders);
    const stored = await probe.spans();
    log(
      `loaded in ${((performance.now() - loadStart) / 1000).toFixed(0)} s: ${stored.toLocaleString("en-US")} spans stored, ${(await probe.expired()).toLocaleString("en-US")} expired traces`,
    );
    const bytesBefore = await probe.bytes();
    const live = variantsOf(liveChunk, 255);

    log(`ingesting for ${loadSeconds} s without a purge…`);
    const withoutStart = performance.now();
    const without = await sendLoad(target, live, senders, () => performance.now() - withoutStart >= loadSeconds * 1000);
    const withoutEnd = performance.now();
    const spansBefore = await probe.spans();

    log(`setting retentionDays = ${RETENTION_DAYS} (the server starts purging), ingesting until the purge is done…`);
    const patchedAt = performance.now();
    const patched = await fetch(`${server.baseUrl}/api/v1/projects/default`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ retentionDays: RETENTION_DAYS }),
    });
    if (patched.status !== 200) throw new Error(`PATCH retentionDays answered ${patched.status}`);
    let purgedAt: number | null = null;
    const watcher = (async () => {
      while ((await probe.expired()) > 0) await new Promise((r) => setTimeout(r, 200));
      purgedAt = performance.now();
    })();
    const during = await sendLoad(target, live, senders, () => purgedAt !== null);
    await watcher;
    const newDuring = during.sent.reduce((n, s) => n + s.spans, 0);
    const purgedSpans = spansBefore + newDuring - (await probe.spans());
    const vacuumStart = performance.now();
    while ((await probe.freePages()) > 0 && performance.now() - vacuumStart < 300_000) await new Promise((r) => setTimeout(r, 200));
    const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
    const bytesAfter = await probe.bytes();

    const a = figuresBetween(without, withoutStart, withoutEnd);
    const b = figuresBetween(during, patchedAt, purgedAt!);
    const purgeSeconds = (purgedAt! - patchedAt) / 1000;
    console.log(
      `\npurge benchmark, ${database}: ${stored.toLocaleString("en-US")} spans stored, ${purgedSpans.toLocaleString("en-US")} of them purged (retention ${RETENTION_DAYS} days, batches of ${batchSpans} spans), load: ${senders} senders of ${batchSize}-span OTLP/protobuf requests`,
    );
    console.log(row("without purge", a, without.refused));
    console.log(row("during purge", b, during.refused));
    const slower = a.spansPerSecond / b.spansPerSecond;
    const p95Ratio = b.p95 / a.p95;
    console.log(
      `during vs without: throughput ${slower.toFixed(2)}× lower, p95 ${p95Ratio.toFixed(2)}× (target: within 2×): ${slower <= 2 && p95Ratio <= 2 ? "met" : "NOT met"}`,
    );
    console.log(
      `purge: ${purgedSpans.toLocaleString("en-US")} spans in ${purgeSeconds.toFixed(1)} s (${(purgedSpans / purgeSeconds).toFixed(0)} spans/s) while ingesting`,
    );
    const vacuum = database === "sqlite" ? `; free pages handed back ${vacuumSeconds.toFixed(1)} s after the purge ended` : "";
    console.log(
      `database size: ${mb(bytesBefore)} before, ${mb(bytesAfter)} after (${((newDuring + a.spansPerSecond * a.seconds) / 1e3).toFixed(0)}k spans added meanwhile${vacuum})\n`,
    );
  } catch (error) {
    log(`server output (tail):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await probe.close();
    await server.stop();
  }
}

for (const database of databases) await benchOne(database);
