import "server-only";
// Writes new and changed trace_models rows and keeps model_variants (the first sighting of each response of a
// task and requested model) equal to their minimum: an earlier sighting lowers it in one upsert; a trace that
// leaves a key (renamed by its late root) while holding that key's first sighting makes it recomputed from
// trace_models, or removed when no trace of the key is left.
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { TraceModelRow } from "@/lib/trace/governance-rows";

const TRACE_MODEL_COLUMNS = ["projectId", "traceId", "requestedModel", "responseModel", "fingerprint", "task", "startNs"] as const;
const TRACE_MODEL_UPSERT = `("projectId", "traceId", "requestedModel", "responseModel", "fingerprint") DO UPDATE SET "task" = excluded."task", "startNs" = excluded."startNs"`;
const VARIANT_COLUMNS = ["projectId", "task", "requestedModel", "responseModel", "fingerprint", "firstSeenNs", "firstTraceId"] as const;
const VARIANT_KEY = `"projectId" = ? AND "task" = ? AND "requestedModel" = ? AND "responseModel" = ? AND "fingerprint" = ?`;
// Ties go to the smaller trace id, so the answer is the same whatever order traces arrived in.
const VARIANT_MIN = `("projectId", "task", "requestedModel", "responseModel", "fingerprint") DO UPDATE SET
  "firstSeenNs" = excluded."firstSeenNs", "firstTraceId" = excluded."firstTraceId"
  WHERE excluded."firstSeenNs" < "model_variants"."firstSeenNs"
     OR (excluded."firstSeenNs" = "model_variants"."firstSeenNs" AND excluded."firstTraceId" < "model_variants"."firstTraceId")`;
const FIRST_OF_KEY = `SELECT "traceId", "startNs" FROM "trace_models" WHERE ${VARIANT_KEY} ORDER BY "startNs", "traceId" LIMIT 1`;

export type TraceModelChange = { row: TraceModelRow; before: TraceModelRow | null };

const keyOf = (projectId: string, r: TraceModelRow): SqlValue[] => [projectId, r.task, r.requestedModel, r.responseModel, r.fingerprint];

/** A key a trace left: recompute its first sighting when it was this trace's. */
async function recomputeLeftKey(tx: Sql, projectId: string, traceId: string, left: TraceModelRow): Promise<void> {
  const key = keyOf(projectId, left);
  const [variant] = await tx.query(`SELECT "firstTraceId" FROM "model_variants" WHERE ${VARIANT_KEY}`, key);
  if (!variant || String(variant.firstTraceId) !== traceId) return;
  const [first] = await tx.query(FIRST_OF_KEY, key);
  if (!first) await tx.run(`DELETE FROM "model_variants" WHERE ${VARIANT_KEY}`, key);
  else await tx.run(`UPDATE "model_variants" SET "firstSeenNs" = ?, "firstTraceId" = ? WHERE ${VARIANT_KEY}`, [BigInt(first.startNs as bigint), String(first.traceId), ...key]);
}

export async function writeTraceModels(tx: Sql, projectId: string, traces: readonly { traceId: string; models: readonly TraceModelChange[] }[]): Promise<void> {
  const rows: SqlValue[][] = [];
  // One row per key: PostgreSQL refuses an upsert that meets the same row twice in one statement.
  const firsts = new Map<string, { row: TraceModelRow; traceId: string }>();
  const left: [string, TraceModelRow][] = [];
  for (const { traceId, models } of traces) {
    for (const { row, before } of models) {
      rows.push([projectId, traceId, row.requestedModel, row.responseModel, row.fingerprint, row.task, row.startNs]);
      const id = keyOf(projectId, row).join("\u0000");
      const known = firsts.get(id);
      if (!known || row.startNs < known.row.startNs || (row.startNs === known.row.startNs && traceId < known.traceId)) firsts.set(id, { row, traceId });
      if (before && before.task !== row.task) left.push([traceId, before]);
    }
  }
  if (rows.length === 0) return;
  await tx.insertMany("trace_models", TRACE_MODEL_COLUMNS, rows, TRACE_MODEL_UPSERT);
  const variants = [...firsts.values()].map(({ row, traceId }) => [...keyOf(projectId, row), row.startNs, traceId]);
  await tx.insertMany("model_variants", VARIANT_COLUMNS, variants, VARIANT_MIN);
  for (const [traceId, before] of left) await recomputeLeftKey(tx, projectId, traceId, before);
}
