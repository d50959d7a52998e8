import "server-only";
// OpenTelemetry evaluation results (lib/ingest/evaluation-events.ts) stored as scores with source "otel",
// inside the ingest commit (also in the SQLite writer thread, so no connection of its own). A result may
// come before its span, after it, or with it: the score is stored at once, and its trace's attribution
// is settled by reconcileScoreAttribution after the commit has written the trace summaries.
import type { Sql } from "@/lib/db/sql";
import type { WriteBatch } from "@/lib/ingest/write-batch";
import { isPassing } from "@/lib/quality/score-types";
import { insertScores, lockTraces, type NewScore } from "./score-rows";

/** Takes the locks of the evaluated traces (with the batch's own) and stores the batch's evaluation results. */
export async function insertEvaluationScores(tx: Sql, batch: Pick<WriteBatch, "projectId" | "spans" | "evaluations">, nowMs = Date.now()): Promise<void> {
  const evaluations = batch.evaluations ?? [];
  if (evaluations.length === 0) return;
  // Every trace this commit will lock, in one sorted call: the span traces are locked again by the
  // summary refresh, which then returns at once (advisory locks are re-entrant within a transaction).
  await lockTraces(tx, batch.projectId, [...batch.spans.map((s) => s.traceId), ...evaluations.map((e) => e.traceId)]);
  const scores: NewScore[] = evaluations.map((e) => ({
    id: e.id,
    traceId: e.traceId,
    spanId: e.spanId,
    name: e.name,
    value: e.value,
    label: e.label,
    comment: e.comment,
    source: "otel",
    author: null,
    evaluatorId: null,
    createdMs: nowMs,
    timeMs: Number(e.timeNs / 1_000_000n),
    passed: isPassing(e.value, e.label),
  }));
  await insertScores(tx, batch.projectId, scores);
}

/** The traces whose scores' attribution a commit of this batch may change. */
export function scoredTraceIds(batch: Pick<WriteBatch, "spans" | "evaluations">): Set<string> {
  const ids = new Set<string>();
  for (const span of batch.spans) ids.add(span.traceId);
  for (const e of batch.evaluations ?? []) ids.add(e.traceId);
  return ids;
}
