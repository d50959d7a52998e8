import "server-only";
// Writes normalised spans and log records in one transaction per call and keeps the per-trace summary,
// facets and rollups up to date (trace-summaries.ts). Idempotent: spans are keyed by (projectId, traceId, spanId), log records by
// project and content hash. A call may carry several projects' batches; each is written with its own.
import { addInsertedSpans, groupByTrace } from "@/lib/analytics/changes";
import type { RollupRowCache } from "@/lib/data/analytics/rollup-cache";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { writeRollups } from "@/lib/data/analytics/rollup-writer";
import { refreshGovernance } from "@/lib/data/governance/governance-refresh";
import type { Sql, SqlValue } from "@/lib/db/sql";
import { PACKED_COLUMNS, type SpanText } from "@/lib/ingest/packed-text";
import { mergeBatches, type WriteBatch } from "@/lib/ingest/write-batch";
import { SPAN_COLUMNS, spanRow, type SpanRecord } from "@/lib/ingest/span-record";
import { markFindingsDirty } from "@/lib/data/findings/mark-dirty";
import { markEvaluationDue } from "@/lib/data/quality/evaluation-due";
import { updateTraceSummaries } from "./trace-summaries";
import { insertEvaluationScores, scoredTraceIds } from "@/lib/data/quality/otel-scores";
import { reconcileScoreAttribution } from "@/lib/data/quality/score-attribution";

const LOG_COLUMNS = ["dedupeKey", "traceId", "spanId", "eventName", "timeNs", "body", "attributes"] as const;
const STORED_LOG_COLUMNS = ["projectId", ...LOG_COLUMNS] as const;

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
  await insertEvaluationScores(tx, batch);
  await updateTraceSummaries(tx, projectId, batch.spans, insertedIds, rollups);
  await refreshGovernance(tx, projectId, batch.spans, insertedIds);
  await writeRollups(tx, projectId, rollups, { cache: rollupCache, mayDefer: true });
  await markFindingsDirty(tx, batch);
  await markEvaluationDue(tx, batch);
  await reconcileScoreAttribution(tx, projectId, scoredTraceIds(batch));
}
