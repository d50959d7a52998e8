import "server-only";
// Writes normalised spans and log records in one transaction per call and keeps the per-trace summary
// and facets up to date. Idempotent: spans are keyed by (projectId, traceId, spanId), log records by
// project and content hash. A call may carry several projects' batches; each is written with its own.
import { addInsertedSpans, addTraceChange, groupByTrace, type SpanChanges } from "@/lib/analytics/changes";
import type { RollupRowCache } from "@/lib/data/analytics/rollup-cache";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { writeRollups } from "@/lib/data/analytics/rollup-writer";
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { Kind, Status } from "@/lib/trace/types";
import { PACKED_COLUMNS, type SpanText } from "@/lib/ingest/packed-text";
import { mergeBatches, type WriteBatch } from "@/lib/ingest/write-batch";
import { SPAN_COLUMNS, spanRow, type SpanRecord } from "@/lib/ingest/span-record";
import { summariseTrace } from "@/lib/trace/summarise";
import { addGraphChange, graphFacets, GRAPH_SPAN_COLUMNS, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import { getEnv } from "@/lib/env";



const TRACE_COLUMNS = [
  "projectId",
  "traceId",
  "name",
  "serviceName",
  "rootSpanId",
  "startNs",
  "endNs",
  "durationMs",
  "status",
  "spanCount",
  "errorCount",
  "llmCallCount",
  "toolCallCount",
  "inputTokens",
  "outputTokens",
  "totalTokens",
  "costUsd",
  "hasUnpriced",
  "sessionId",
  "userId",
  "agentName",
  "models",
] as const;

const LOG_COLUMNS = ["dedupeKey", "traceId", "spanId", "eventName", "timeNs", "body", "attributes"] as const;
const STORED_LOG_COLUMNS = ["projectId", ...LOG_COLUMNS] as const;

const SUMMARY_SELECT = `SELECT "spanId", "parentSpanId", "name", "kind", "serviceName", "startNs", "endNs", "status", "model",
  "inputTokens", "outputTokens", "costUsd", "costSource", "toolName", "agentName", "sessionId", "userId", ${GRAPH_SPAN_COLUMNS} FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;

type SummaryRow = Omit<GraphSummarySpan, "startNs" | "endNs" | "inputTokens" | "outputTokens" | "kind" | "status"> & {
  startNs: bigint | number | string;
  endNs: bigint | number | string;
  inputTokens: unknown;
  outputTokens: unknown;
  costUsd: unknown;
  kind: string;
  status: string;
};

const toNumberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toSummarySpan(row: SummaryRow): GraphSummarySpan {
  return {
    ...row,
    kind: row.kind as Kind,
    status: row.status as Status,
    startNs: BigInt(row.startNs),
    endNs: BigInt(row.endNs),
    inputTokens: toNumberOrNull(row.inputTokens),
    outputTokens: toNumberOrNull(row.outputTokens),
    costUsd: toNumberOrNull(row.costUsd),
  };
}

/**
 * The spans of traces this transaction created, taken from the batch instead of read back: a trace with
 * no summary row yet has exactly the spans just inserted, since every transaction that stores spans also
 * writes their traces' rows (on PostgreSQL this runs under the trace locks, after any other writer of
 * the trace committed). Saves reading back nearly every span on the ingest path.
 */
async function newTraceSpans(
  tx: Sql,
  projectId: string,
  ids: readonly string[],
  { inserted }: SpanChanges,
  batchSpans: readonly SpanRecord[],
): Promise<Map<string, GraphSummarySpan[]>> {
  const fresh = new Map<string, GraphSummarySpan[]>();
  if (!inserted || batchSpans.length === 0 || ids.length === 0) return fresh;
  const existing =
    tx.dialect === "postgres"
      ? await tx.query<{ traceId: string }>(
          `SELECT "traceId" FROM "traces" WHERE "projectId" = ? AND "traceId" IN (SELECT json_array_elements_text(?::json))`,
          [projectId, JSON.stringify(ids)],
        )
      : (
          await Promise.all(
            ids.map((id) => tx.query<{ traceId: string }>(`SELECT "traceId" FROM "traces" WHERE "projectId" = ? AND "traceId" = ?`, [projectId, id])),
          )
        ).flat();
  const known = new Set(existing.map((row) => String(row.traceId)));
  const taken = new Map<string, Set<string>>();
  for (const id of ids) {
    if (!inserted.has(id) || known.has(id)) continue;
    fresh.set(id, []);
    taken.set(id, new Set());
  }
  for (const span of batchSpans) {
    const seen = taken.get(span.traceId);
    // A batch may carry a span twice: the first copy is the stored one (ON CONFLICT DO NOTHING).
    if (!seen || seen.has(span.spanId)) continue;
    seen.add(span.spanId);
    fresh.get(span.traceId)!.push(span);
  }
  return fresh;
}

/**
 * Recomputes the summary row and facets of each trace from its stored spans, and moves the traces'
 * analytics rollups from their previous state to the new one. `changes` says what this transaction did
 * to the spans (nothing → rollups untouched); `rollups` carries the caller's own deltas, written with these.
 */
export async function refreshTraceSummaries(
  tx: Sql,
  projectId: string,
  traceIds: Iterable<string>,
  changes: SpanChanges = {},
  rollups = new RollupDeltas(),
  { batchSpans = [], rollupCache }: { batchSpans?: readonly SpanRecord[]; rollupCache?: RollupRowCache } = {},
): Promise<void> {
  const ids = [...traceIds].sort();
  if (tx.dialect === "postgres" && ids.length) {
    // Another server process may be writing spans of the same trace: serialise the read-then-upsert
    // per trace (sorted, so two writers never deadlock), or the later commit could drop the other's spans.
    const keys = ids.map((id) => `${projectId}/${id}`);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext(t)) FROM (SELECT json_array_elements_text(?::json) AS t ORDER BY 1) ids`, [JSON.stringify(keys)]);
  }
  const fresh = await newTraceSpans(tx, projectId, ids, changes, batchSpans);
  const traceRows: SqlValue[][] = [];
  const facetRows: SqlValue[][] = [];
  const pipelineMap = getEnv().HINDSIGHT_PIPELINE_MAP;
  for (const traceId of ids) {
    const spans = fresh.get(traceId) ?? (await tx.query<SummaryRow>(SUMMARY_SELECT, [projectId, traceId])).map(toSummarySpan);
    if (spans.length === 0) continue;
    const s = summariseTrace(traceId, spans);
    addTraceChange(rollups, traceId, spans, s, changes);
    const items = pipelineMap ? addGraphChange(rollups, traceId, spans, s, changes) : null;
    for (const [facet, value] of items ? graphFacets(items) : []) facetRows.push([projectId, facet, value, traceId]);
    traceRows.push([
      projectId,
      s.traceId,
      s.name,
      s.serviceName,
      s.rootSpanId,
      s.startNs,
      s.endNs,
      s.durationMs,
      s.status,
      s.spanCount,
      s.errorCount,
      s.llmCallCount,
      s.toolCallCount,
      s.inputTokens,
      s.outputTokens,
      s.totalTokens,
      s.costUsd,
      s.hasUnpriced,
      s.sessionId,
      s.userId,
      s.agentName,
      JSON.stringify(s.models),
    ]);
    for (const [facet, values] of [
      ["model", s.models],
      ["tool", s.tools],
      ["agent", s.agents],
    ] as const) {
      for (const value of values) facetRows.push([projectId, facet, value, traceId]);
    }
  }
  const update = TRACE_COLUMNS.slice(2)
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(", ");
  await tx.insertMany("traces", TRACE_COLUMNS, traceRows, `("projectId", "traceId") DO UPDATE SET ${update}`);
  await tx.insertMany("trace_facets", ["projectId", "facet", "value", "traceId"], facetRows, `("projectId", "facet", "value", "traceId") DO NOTHING`);
  await writeRollups(tx, projectId, rollups, rollupCache);
}


const PACKED_POSITIONS = PACKED_COLUMNS.map((column) => SPAN_COLUMNS.indexOf(column));

/** A span's INSERT values, its large text as bytes when the batch carries them. */
function spanValues(projectId: string, span: SpanRecord, text: SpanText | undefined): SqlValue[] {
  const values: SqlValue[] = spanRow(projectId, span);
  if (text) for (let c = 0; c < PACKED_POSITIONS.length; c++) values[PACKED_POSITIONS[c]!] = text[c] ?? null;
  return values;
}

/**
 * Stores batches (several requests, possibly of several projects) in a single transaction. `rollupCache`
 * is for a connection only this function writes through (the SQLite writer thread): see rollup-cache.ts.
 */
export async function storeBatches(sql: Sql, batches: readonly WriteBatch[], { rollupCache }: { rollupCache?: RollupRowCache } = {}): Promise<void> {
  try {
    await sql.transaction(async (tx) => {
      for (const batch of mergeBatches(batches)) await storeProjectBatch(tx, batch, rollupCache);
    });
  } catch (error) {
    rollupCache?.clear(); // it may hold rows merged by the transaction that was just rolled back
    throw error;
  }
}

/** Stores one batch in its own transaction. */
export const storeBatch = (sql: Sql, batch: WriteBatch, options: { rollupCache?: RollupRowCache } = {}) => storeBatches(sql, [batch], options);

async function storeProjectBatch(tx: Sql, batch: WriteBatch, rollupCache: RollupRowCache | undefined): Promise<void> {
  const { projectId } = batch;
  const resources = new Map(batch.resources.map((r) => [r.id, r]));
  await tx.insertMany(
    "resources",
    ["projectId", "id", "attributes"],
    [...resources.values()].map((r) => [projectId, r.id, r.attributes]),
    `("projectId", "id") DO NOTHING`,
  );
  const inserted = await tx.insertMany(
    "spans",
    SPAN_COLUMNS,
    batch.spans.map((span, i) => spanValues(projectId, span, batch.text?.[i])),
    `("projectId", "traceId", "spanId") DO NOTHING`,
    { returning: ["traceId", "spanId"], textColumns: PACKED_COLUMNS },
  );
  // Only spans stored now count in the rollups: a re-sent span was counted when it first arrived.
  const insertedIds = groupByTrace(inserted);
  const rollups = new RollupDeltas();
  addInsertedSpans(rollups, batch.spans, insertedIds);
  await tx.insertMany(
    "span_logs",
    STORED_LOG_COLUMNS,
    batch.logs.map((log) => [projectId, ...LOG_COLUMNS.map((column) => log[column])]),
    `("projectId", "dedupeKey") DO NOTHING`,
  );
  const traceIds = new Set(batch.spans.map((s) => s.traceId));
  await refreshTraceSummaries(tx, projectId, traceIds, { inserted: insertedIds }, rollups, { batchSpans: batch.spans, rollupCache });
}
