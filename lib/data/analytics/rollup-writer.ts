import "server-only";
// Writes a transaction's rollup deltas to `metric_rollups`: the ingest-time aggregates that let the
// analytics API answer without scanning spans.
//
// Design
// - One row per (projectId, dimension, granularity, bucketStartMs, groupKey) at 1m, 1h and 1d granularity
//   (dimensions.ts says which dimension keeps which). A query reads the coarsest granularity that
//   divides its bucket (1m/5m → minute rows, 1h → hour rows, 1d → day rows), so 30 days at 1h are
//   720 rows per group, never spans.
// - Each row holds sums (count, errors, LLM and tool calls, duration, cost, tokens), a maximum, and a
//   log-bucketed duration histogram (sketch.ts: DDSketch mapping, under 1 % relative error) stored as
//   JSON {bin: count}. Sums and histograms both add and subtract, so rows merge across buckets at
//   read time and un-count an item at write time.
// - An item counts in the bucket of its start time (UTC-aligned). Spans count once, when inserted: a
//   re-sent span is skipped by ON CONFLICT and never reaches the deltas. Traces count by their summary:
//   every refresh takes the trace's previous contribution out and puts the new one in (changes.ts),
//   which moves a trace to the right bucket, name or agent when late spans arrive and keeps its cost
//   right after a price change. Span rows carry no cost, so repricing never touches them.
// - `trace.model` rows give the cost API's groupBy=model: each trace contributes once per model it used
//   (that model's calls, tokens and cost), so their `count` is exactly the number of distinct traces
//   using the model in the bucket, with no presence table.
// - Deltas are accumulated per transaction (RollupDeltas) and written here once. Rows without a
//   histogram are added to in SQL (ON CONFLICT … SET "count" = "count" + excluded."count"); rows with
//   one are read, merged in memory and upserted. PostgreSQL writers in several processes serialise on
//   one transaction-scoped advisory lock taken after the trace locks (always in that order: no
//   deadlock), so a read-merge-write never loses another writer's delta. SQLite has one writer anyway.
// - Every commit rewrote the same hot rows (this hour's and day's of each task, agent, tool, model, user,
//   and the pipeline map's edges: a few hundred histogram rows whatever the commit's size), and a trace
//   arriving over several commits took its previous contribution out and put the new one in at each.
//   So an ingest commit may leave its deltas pending: one `rollup_pending` row per commit, in the same
//   transaction as its spans (nothing is lost in a crash), folded into metric_rollups by the next commit
//   of the project a second or more later, where a trace's successive contributions cancel out and each
//   row is written once; by any other rollup writer (deletes and repairs must see every delta before
//   they subtract: a histogram bin never goes below zero); and before any read of the rollups
//   (rollup-fold.ts), so a read right after ingest counts every stored span. Every delta may wait,
//   whatever its hour: rows are hot for commits that replay older traffic in order just as for live traffic.
// - Rollups hold what ingest maintained: spans stored before this table existed are not in them.
import { randomUUID } from "node:crypto";
import { pgText, quote, type Row, type Sql, type SqlValue } from "@/lib/db/sql";
import type { RollupRowCache } from "./rollup-cache";
import { applyDelta, rollupId, RollupDeltas, type RollupDelta, type RollupKey, type RollupRow, type RollupTotals } from "@/lib/analytics/rollup-delta";
import { decodeDeltas, encodeDeltas } from "@/lib/analytics/rollup-delta-codec";
import type { Granularity } from "@/lib/analytics/buckets";
import { DIMENSIONS, type Dimension } from "@/lib/analytics/dimensions";
import { decodeBins, encodeBins } from "@/lib/analytics/sketch";

const COLUMNS = [
  "projectId",
  "dimension",
  "granularity",
  "bucketStartMs",
  "groupKey",
  "count",
  "errorCount",
  "llmCallCount",
  "toolCallCount",
  "durationSumMs",
  "maxMs",
  "p50Ms",
  "p95Ms",
  "p99Ms",
  "costUsd",
  "inputTokens",
  "outputTokens",
  "bins",
] as const;
const KEY_COLUMNS = COLUMNS.slice(0, 5);
const SELECT = `SELECT ${COLUMNS.map((c) => `r.${quote(c)}`).join(", ")} FROM "metric_rollups" r`;
const SQLITE_READ = `${SELECT} WHERE ${KEY_COLUMNS.map((c) => `r.${quote(c)} = ?`).join(" AND ")}`;
const PG_READ = `${SELECT} JOIN json_to_recordset(?::json) AS k("d" text, "g" text, "b" bigint, "k" text)
  ON r."projectId" = ? AND r."dimension" = k."d" AND r."granularity" = k."g" AND r."bucketStartMs" = k."b" AND r."groupKey" = k."k"`;
const SUM_COLUMNS = ["count", "errorCount", "llmCallCount", "toolCallCount", "durationSumMs", "costUsd", "inputTokens", "outputTokens"] as const;
const REPLACE = `(${KEY_COLUMNS.map(quote).join(", ")}) DO UPDATE SET ${COLUMNS.slice(5)
  .map((c) => `${quote(c)} = excluded.${quote(c)}`)
  .join(", ")}`;
const ADD = `(${KEY_COLUMNS.map(quote).join(", ")}) DO UPDATE SET ${SUM_COLUMNS.map((c) => `${quote(c)} = "metric_rollups".${quote(c)} + excluded.${quote(c)}`).join(", ")},
  "maxMs" = CASE WHEN excluded."maxMs" > "metric_rollups"."maxMs" THEN excluded."maxMs" ELSE "metric_rollups"."maxMs" END`;
// Two-int4 key space: never collides with the single-bigint trace locks of lib/data/ingest/store-batch.ts.
const PG_ROLLUP_LOCK = "SELECT pg_advisory_xact_lock(1751607912, 1)";

type StoredRow = Record<(typeof COLUMNS)[number], unknown>;

function fromStored(row: StoredRow): RollupRow {
  return {
    dimension: row.dimension as Dimension,
    granularity: row.granularity as Granularity,
    bucketStartMs: Number(row.bucketStartMs),
    group: String(row.groupKey),
    count: Number(row.count),
    errorCount: Number(row.errorCount),
    llmCallCount: Number(row.llmCallCount),
    toolCallCount: Number(row.toolCallCount),
    durationSumMs: Number(row.durationSumMs),
    maxMs: Number(row.maxMs),
    p50Ms: Number(row.p50Ms),
    p95Ms: Number(row.p95Ms),
    p99Ms: Number(row.p99Ms),
    costUsd: Number(row.costUsd),
    inputTokens: Number(row.inputTokens),
    outputTokens: Number(row.outputTokens),
    bins: decodeBins(row.bins as string),
  };
}

type Latency = { maxMs: number; p50Ms: number; p95Ms: number; p99Ms: number };

/** The values of COLUMNS, in order, for a row's key and sums, its latency figures and its encoded bins. */
function storedValues(projectId: string, r: RollupKey & RollupTotals, { maxMs, p50Ms, p95Ms, p99Ms }: Latency, bins: string): SqlValue[] {
  return [
    projectId,
    r.dimension,
    r.granularity,
    BigInt(r.bucketStartMs),
    r.group,
    r.count,
    r.errorCount,
    r.llmCallCount,
    r.toolCallCount,
    r.durationSumMs,
    maxMs,
    p50Ms,
    p95Ms,
    p99Ms,
    r.costUsd,
    BigInt(Math.round(r.inputTokens)),
    BigInt(Math.round(r.outputTokens)),
    bins,
  ];
}

const toStored = (projectId: string, r: RollupRow) => storedValues(projectId, r, r, encodeBins(r.bins));

/** A sums-only delta as the row to add (ADD keeps the larger maximum; there is no histogram). */
const sumsRow = (projectId: string, d: RollupDelta) => storedValues(projectId, d, { maxMs: d.addedMaxMs ?? 0, p50Ms: 0, p95Ms: 0, p99Ms: 0 }, "{}");

async function readRows(tx: Sql, projectId: string, deltas: RollupDelta[]): Promise<Map<string, RollupRow>> {
  if (deltas.length === 0) return new Map();
  let rows: Row[];
  if (tx.dialect === "postgres") {
    // Group keys as stored (pgText); json → text would refuse a \u0000 anyway.
    const keys = deltas.map((d) => ({ d: d.dimension, g: d.granularity, b: d.bucketStartMs, k: pgText(d.group) }));
    rows = await tx.query(PG_READ, [JSON.stringify(keys), projectId]);
  } else {
    // Cached prepared point lookups are SQLite's fastest path (no statement parsing, no temp tables).
    rows = [];
    for (const d of deltas) rows.push(...(await tx.query(SQLITE_READ, [projectId, d.dimension, d.granularity, BigInt(d.bucketStartMs), d.group])));
  }
  const stored = new Map<string, RollupRow>();
  for (const row of rows) {
    const r = fromStored(row as StoredRow);
    stored.set(rollupId(r), r);
  }
  return stored;
}

/**
 * What an ingest commit may leave pending: everything (`graph.edge_all` included, which RollupDeltas
 * derives from `graph.edge` when they are folded). Every reader folds first.
 */
const DEFERRABLE: ReadonlySet<Dimension> = new Set(Object.keys(DIMENSIONS) as Dimension[]);
/** How long a project's deltas may wait in rollup_pending while its ingest goes on. */
const FOLD_EVERY_MS = 1_000;
/** When this thread last folded each project's pending deltas (a clock per process is enough: it only paces). */
const lastFoldMs = new Map<string, number>();

async function leavePending(tx: Sql, projectId: string, deltas: RollupDelta[]): Promise<void> {
  await tx.run(`INSERT INTO "rollup_pending" ("id", "projectId", "deltas") VALUES (?, ?, ?)`, [randomUUID(), projectId, encodeDeltas(deltas)]);
}

/** Takes the project's pending deltas out of rollup_pending (under the rollup lock on PostgreSQL). */
async function takePending(tx: Sql, projectId: string): Promise<RollupDelta[]> {
  // One statement reads and deletes: exactly the rows it saw, whatever commits beside it.
  const rows = await tx.query<{ deltas: string }>(`DELETE FROM "rollup_pending" WHERE "projectId" = ? RETURNING "deltas"`, [projectId]);
  lastFoldMs.set(projectId, Date.now());
  const deltas: RollupDelta[] = [];
  for (const row of rows) {
    const decoded = decodeDeltas(row.deltas);
    if (decoded.invalid > 0) console.error(`[hindsight] skipped ${decoded.invalid} unreadable pending rollup deltas of project ${projectId}`);
    for (const d of decoded.deltas) deltas.push(d);
  }
  return deltas;
}

export type RollupWriteOptions = {
  /** Histogram rows as the SQLite writer thread last wrote them (rollup-cache.ts); that thread only. */
  cache?: RollupRowCache;
  /** An ingest commit: its deltas may wait in rollup_pending until the project's next fold is due. */
  mayDefer?: boolean;
};

/**
 * Applies the deltas of one transaction to the stored rollups (call inside that transaction). Takes
 * from `deltas`: do not use it afterwards.
 */
export async function writeRollups(tx: Sql, projectId: string, deltas: RollupDeltas, { cache, mayDefer = false }: RollupWriteOptions = {}): Promise<void> {
  const folding = !mayDefer || Date.now() - (lastFoldMs.get(projectId) ?? -Infinity) >= FOLD_EVERY_MS;
  if (folding) {
    if (tx.dialect === "postgres") await tx.run(PG_ROLLUP_LOCK);
    for (const d of await takePending(tx, projectId)) deltas.addDelta(d);
  } else {
    const later = deltas.take(DEFERRABLE);
    if (later.length > 0) await leavePending(tx, projectId, later);
  }
  const changes = deltas.changes();
  if (changes.length === 0) return;
  if (!folding && tx.dialect === "postgres") await tx.run(PG_ROLLUP_LOCK);
  // Rows without a histogram hold sums only: added in SQL, without reading them first.
  const sums = changes.filter((d) => d.bins === null);
  await tx.insertMany(
    "metric_rollups",
    COLUMNS,
    sums.map((d) => sumsRow(projectId, d)),
    ADD,
  );
  const withBins = changes.filter((d) => d.bins !== null);
  if (withBins.length === 0) return;
  await cache?.validate(tx);
  const ids = withBins.map(rollupId);
  // The cache serves every project the writer thread stores: its keys carry the project.
  const cacheIds = ids.map((id) => `${projectId}\u0000${id}`);
  const cached = cacheIds.map((id) => cache?.get(id));
  const stored = await readRows(
    tx,
    projectId,
    withBins.filter((_, i) => cached[i] === undefined),
  );
  const rows = withBins.map((d, i) => {
    const row = applyDelta(cached[i] ?? stored.get(ids[i]!) ?? null, d);
    cache?.set(cacheIds[i]!, row);
    return toStored(projectId, row);
  });
  await tx.insertMany("metric_rollups", COLUMNS, rows, REPLACE);
}

/** Folds the project's pending deltas into its rows, in a transaction of its own. */
export const foldPending = (sql: Sql, projectId: string): Promise<void> => sql.transaction((tx) => writeRollups(tx, projectId, new RollupDeltas()));
