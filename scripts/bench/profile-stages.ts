// Where the ingest time goes, without HTTP: the benchmark's bodies through the server's own pipeline
// stages (protobuf decode → normaliseTraceRequest → storeBatch) against a fresh migrated
// database, each stage timed, storeBatch split by statement. Compare its total with the HTTP run to see
// what the route, body reading and Next.js add.
//
// lib/data/ingest/store-batch.ts is marked "server-only"; the package resolves to an empty module under the
// react-server condition, so run this as:
//   node --conditions=react-server --import tsx scripts/bench/profile-stages.ts [--spans N] [--database sqlite|postgres] [--merge K]
// Add --cpu-prof --cpu-prof-dir=DIR before --import for a V8 profile (summarise it with cpuprofile-top.ts).
import { parseArgs } from "node:util";
import { RollupRowCache } from "../../lib/data/analytics/rollup-cache";
import { normaliseTraceRequest } from "../../lib/ingest/normalise";
// Types only (erased): the module itself is loaded in loadStore() so a missing condition gets a hint.
import type * as StoreModuleTypes from "../../lib/data/ingest/store-batch";
import { decodeTraceRequestProtobuf } from "../../lib/ingest/otlp-trace-decoder";
import { buildPriceBook } from "../../lib/pricing/compute";
import { openPostgres } from "../../lib/db/postgres";
import type { Sql } from "../../lib/db/sql";
import { openSqlite } from "../../lib/db/sqlite";
import { buildWorkload } from "./encode";
import { freshPostgresDatabase } from "./raw-postgres";
import { freshSqliteDatabase } from "./raw-sqlite";
import { charge, timingSql, type Totals } from "./timing-sql";

type StoreModule = typeof StoreModuleTypes;
type Batch = Parameters<StoreModule["storeBatch"]>[1];

async function loadStore(): Promise<StoreModule> {
  try {
    return await import("../../lib/data/ingest/store-batch");
  } catch (error) {
    throw new Error(
      `cannot import lib/data/ingest/store-batch.ts (${(error as Error).message.split("\n")[0]}); run with node --conditions=react-server --import tsx`,
    );
  }
}

async function openFresh(database: string): Promise<{ sql: Sql; dispose: () => Promise<void> }> {
  if (database === "postgres") {
    const fresh = await freshPostgresDatabase();
    const sql = openPostgres(fresh.url);
    return { sql, dispose: async () => (await sql.close(), await fresh.drop()) };
  }
  const fresh = freshSqliteDatabase();
  const sql = openSqlite(fresh.file, process.env.HINDSIGHT_SQLITE_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL", { backgroundCheckpoints: true });
  return { sql, dispose: async () => (await sql.close(), fresh.remove()) };
}

function time<T>(totals: Totals, label: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    charge(totals, label, performance.now() - started);
  }
}

function print(totals: Totals, spans: number, wallMs: number): void {
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  console.log(`\n| stage | total s | µs/span | share |\n|---|---:|---:|---:|`);
  for (const [label, ms] of rows) {
    console.log(`| ${label} | ${(ms / 1000).toFixed(2)} | ${((ms * 1000) / spans).toFixed(1)} | ${((100 * ms) / wallMs).toFixed(1)} % |`);
  }
  console.log(
    `| **all stages** | ${(wallMs / 1000).toFixed(2)} | ${((wallMs * 1000) / spans).toFixed(1)} | → ${Math.round((spans * 1000) / wallMs).toLocaleString("en-US")} spans/s on one core |`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { spans: { type: "string" }, database: { type: "string" }, merge: { type: "string" }, seed: { type: "string" } },
  });
  const spans = Number(values.spans ?? 50_000);
  const merge = Number(values.merge ?? 1);
  const database = values.database ?? "sqlite";
  const { storeBatch } = await loadStore();
  const workload = buildWorkload(spans, 512, Number(values.seed ?? 20261121));
  const prices = buildPriceBook();
  const totals: Totals = new Map();
  const { sql, dispose } = await openFresh(database);
  const timedSql = timingSql(sql, totals);
  const rollupCache = database === "sqlite" ? new RollupRowCache() : undefined;
  console.log(
    `${workload.spans} spans in ${workload.bodies.length} bodies → ${database}, ${merge} bodies per storeBatch (the write queue merges up to 8,000 spans)`,
  );
  const started = performance.now();
  try {
    for (let i = 0; i < workload.bodies.length; i += merge) {
      const batch: Batch = { projectId: "default", spans: [], resources: [], logs: [] };
      for (const body of workload.bodies.slice(i, i + merge)) {
        const request = time(totals, "protobuf → OtlpTraceRequest (otlp-trace-decoder)", () => decodeTraceRequestProtobuf(body));
        const normalised = time(totals, "normaliseTraceRequest", () => normaliseTraceRequest(request, prices));
        batch.spans.push(...normalised.spans);
        batch.resources.push(...normalised.resources);
      }
      const before = [...totals].filter(([label]) => label.startsWith("sql ")).reduce((sum, [, ms]) => sum + ms, 0);
      const storeStarted = performance.now();
      await storeBatch(timedSql, batch, { rollupCache }); // as the SQLite writer thread does
      const after = [...totals].filter(([label]) => label.startsWith("sql ")).reduce((sum, [, ms]) => sum + ms, 0);
      charge(totals, "storeBatch JS (row arrays, summaries, rollup deltas)", performance.now() - storeStarted - (after - before));
    }
    print(totals, workload.spans, performance.now() - started);
  } finally {
    await dispose();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
