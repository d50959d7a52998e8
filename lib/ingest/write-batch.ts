// One request's (or several merged requests') normalised spans, resources and log records: what the
// receiver queues and the data layer stores in one transaction. Pure.
import type { EvaluationRecord } from "./evaluation-events";
import type { SpanLogRecord } from "./logs";
import type { SpanText } from "./packed-text";
import type { ResourceRecord, SpanRecord } from "./span-record";

export type WriteBatch = {
  /** The project every record of the batch is stored in (the sender's API key's). */
  projectId: string;
  spans: SpanRecord[];
  resources: ResourceRecord[];
  logs: SpanLogRecord[];
  /** OpenTelemetry evaluation results found in the spans' events and the log records (stored as scores). */
  evaluations?: EvaluationRecord[];
  /** In the SQLite writer thread: the spans' large text columns as bytes (packed-text.ts), by span; the spans hold null there. */
  text?: (SpanText | undefined)[];
};

/** Several requests' batches as one per project (in order of first appearance), to store in one transaction. */
export function mergeBatches(batches: readonly WriteBatch[]): WriteBatch[] {
  if (batches.length === 1) return [batches[0]!];
  const byProject = new Map<string, WriteBatch[]>();
  for (const batch of batches) {
    const group = byProject.get(batch.projectId);
    if (group) group.push(batch);
    else byProject.set(batch.projectId, [batch]);
  }
  return [...byProject.values()].map(mergeProjectBatches);
}

function mergeProjectBatches(batches: WriteBatch[]): WriteBatch {
  if (batches.length === 1) return batches[0]!;
  return {
    projectId: batches[0]!.projectId,
    spans: batches.flatMap((b) => b.spans),
    resources: batches.flatMap((b) => b.resources),
    logs: batches.flatMap((b) => b.logs),
    ...(batches.some((b) => b.evaluations) ? { evaluations: batches.flatMap((b) => b.evaluations ?? []) } : {}),
    ...(batches.some((b) => b.text) ? { text: batches.flatMap((b) => b.text ?? b.spans.map(() => undefined)) } : {}),
  };
}
