import "server-only";
// Marks traces due for the online evaluators (./evaluation-queue.ts) inside the ingest commit's own
// transaction (also in the SQLite writer thread, so this module opens no connection of its own). Only
// projects with an enabled evaluator queue anything: elsewhere ingest pays one indexed read per batch.
// The judge's own traces (service hindsight-evaluator) are never queued, so a judge never judges itself.
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { WriteBatch } from "@/lib/ingest/write-batch";
import { JUDGE_SERVICE } from "@/lib/quality/judge-spans";

const COLUMNS = ["projectId", "traceId", "lastDirtyMs", "claimedUntilMs"] as const;
const BUMP = `("projectId", "traceId") DO UPDATE SET "lastDirtyMs" = excluded."lastDirtyMs"`;

/** Marks the batch's traces due for evaluation, inside the batch's own transaction. */
export async function markEvaluationDue(tx: Sql, batch: Pick<WriteBatch, "projectId" | "spans">, nowMs = Date.now()): Promise<void> {
  if (batch.spans.length === 0) return;
  const traceIds = new Set<string>();
  for (const span of batch.spans) if (span.serviceName !== JUDGE_SERVICE) traceIds.add(span.traceId);
  if (traceIds.size === 0) return;
  const [enabled] = await tx.query(`SELECT 1 AS "found" FROM "evaluators" WHERE "projectId" = ? AND "enabled" = ? LIMIT 1`, [batch.projectId, true]);
  if (!enabled) return;
  // Sorted, so two PostgreSQL writers lock the rows in one order and never deadlock.
  const rows: SqlValue[][] = [...traceIds].sort().map((traceId) => [batch.projectId, traceId, nowMs, 0]);
  await tx.insertMany("evaluation_queue", COLUMNS, rows, BUMP);
}

