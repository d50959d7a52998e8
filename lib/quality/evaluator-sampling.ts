// Deterministic sampling: whether an evaluator with sample rate `rate` takes a trace depends only on the
// evaluator's id and the trace id (a hash of both), so every server, every rerun and every backfill
// agree on the sample, and raising the rate keeps the traces a lower rate took. Pure.
import { createHash } from "node:crypto";

/** A number in [0, 1) fixed by the evaluator and the trace. */
export function samplePoint(evaluatorId: string, traceId: string): number {
  const digest = createHash("sha256").update(`${evaluatorId}:${traceId.toLowerCase()}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}

export const isSampled = (evaluatorId: string, traceId: string, rate: number): boolean => rate >= 1 || (rate > 0 && samplePoint(evaluatorId, traceId) < rate);
