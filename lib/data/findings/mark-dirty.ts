import "server-only";
// Marks traces dirty for the findings job (./findings-queue.ts), inside the transaction that changed
// their spans: ingest commits (also in the SQLite writer thread, so this module opens no connection of
// its own) and cost recomputes.
import type { Sql, SqlValue } from "@/lib/db/sql";
import { getEnv } from "@/lib/env";
import type { WriteBatch } from "@/lib/ingest/write-batch";

export const QUEUE_COLUMNS = ["projectId", "traceId", "version", "firstDirtyMs", "lastDirtyMs", "claimedUntilMs"] as const;
export const BUMP = `("projectId", "traceId") DO UPDATE SET "version" = "findings_queue"."version" + 1, "lastDirtyMs" = excluded."lastDirtyMs"`;

/** Whether findings are kept at all (HINDSIGHT_FINDINGS=off turns them off, for benchmarks). */
export const isFindingsEnabled = (): boolean => getEnv().HINDSIGHT_FINDINGS;

/** Marks the traces of a batch's spans and log records dirty, inside the batch's own transaction. */
export async function markFindingsDirty(tx: Sql, batch: Pick<WriteBatch, "projectId" | "spans" | "logs">, nowMs = Date.now()): Promise<void> {
  if (!isFindingsEnabled()) return;
  const traceIds = new Set<string>();
  for (const span of batch.spans) traceIds.add(span.traceId);
  for (const log of batch.logs) traceIds.add(log.traceId);
  await markTracesDirty(tx, batch.projectId, traceIds, nowMs);
}

/** Marks traces dirty (sorted, so two PostgreSQL writers lock the rows in one order and never deadlock). */
export async function markTracesDirty(tx: Sql, projectId: string, traceIds: Iterable<string>, nowMs = Date.now()): Promise<void> {
  if (!isFindingsEnabled()) return;
  const rows: SqlValue[][] = [...traceIds].sort().map((traceId) => [projectId, traceId, 1, nowMs, nowMs, 0]);
  if (rows.length > 0) await tx.insertMany("findings_queue", QUEUE_COLUMNS, rows, BUMP);
}

