// How alike two runs are by the steps they took, to choose a baseline (the most similar successful run of
// the same task). A run's step sequence is its step signatures (signature.ts) in tree pre-order; the
// similarity of two sequences is 2 · LCS / (|a| + |b|), 1 for identical sequences and 0 for disjoint ones
// (for two long runs with over MAX_EDITS differences, the multiset bound below instead).
// Keeping a run's sequence (a short list of strings) avoids loading its spans to compare it again.
import { alignSequences, commonLength } from "@/lib/retro/align";
import { stepSignature } from "@/lib/retro/signature";
import { indexTrace } from "@/lib/retro/trace-index";
import type { RetroSpan } from "@/lib/retro/types";

/** The run's step signatures in tree pre-order. */
export function stepSequence(spans: readonly RetroSpan[]): string[] {
  const index = indexTrace(spans);
  return Array.from(index.preorder, (i) => stepSignature(index.spans[i]!, index.kinds[i]!));
}

/** Similarity in [0, 1] of two step sequences (or of two runs' spans). */
export function stepSequenceSimilarity(a: readonly string[] | readonly RetroSpan[], b: readonly string[] | readonly RetroSpan[]): number {
  const stepsA = asSteps(a);
  const stepsB = asSteps(b);
  if (stepsA.length + stepsB.length === 0) return 1;
  const aligned = alignSequences(stepsA, stepsB, MAX_EDITS);
  return aligned ? (2 * commonLength(aligned)) / (stepsA.length + stepsB.length) : bagSimilarity(countSteps(stepsA), stepsA.length, stepsB);
}

// Past this many differences the exact similarity costs too much for ranking candidates; the multiset
// similarity (steps in common regardless of order) stands in for it: an upper bound, equal to it when the
// runs took their common steps in the same order.
const MAX_EDITS = 1000;

export type BaselineCandidate = { traceId: string; steps: readonly string[] };

/**
 * The candidate most similar to `target`, or null when there is none. On a tie the earlier candidate wins,
 * so callers list candidates in their order of preference (for instance newest first).
 *
 * Exact, and cheap on many candidates: the share of steps two sequences have in common regardless of
 * order bounds their similarity from above (a common subsequence uses each step once), costs O(n), and
 * candidates are aligned in order of that bound only until no remaining bound can beat the best found.
 */
export function pickBaseline(target: readonly string[], candidates: readonly BaselineCandidate[]): { traceId: string; similarity: number } | null {
  const targetCounts = countSteps(target);
  const bounded = candidates
    .map((candidate, order) => ({ candidate, order, bound: bagSimilarity(targetCounts, target.length, candidate.steps) }))
    .sort((x, y) => y.bound - x.bound || x.order - y.order);
  let best: { traceId: string; similarity: number; order: number } | null = null;
  for (const { candidate, order, bound } of bounded) {
    if (best && (bound < best.similarity || (bound === best.similarity && order > best.order))) break;
    const similarity = stepSequenceSimilarity(target, candidate.steps);
    if (!best || similarity > best.similarity || (similarity === best.similarity && order < best.order))
      best = { traceId: candidate.traceId, similarity, order };
  }
  return best && { traceId: best.traceId, similarity: best.similarity };
}

function countSteps(steps: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step, (counts.get(step) ?? 0) + 1);
  return counts;
}

function bagSimilarity(targetCounts: Map<string, number>, targetLength: number, steps: readonly string[]): number {
  if (targetLength + steps.length === 0) return 1;
  const remaining = new Map(targetCounts);
  let shared = 0;
  for (const step of steps) {
    const left = remaining.get(step);
    if (left) {
      shared++;
      remaining.set(step, left - 1);
    }
  }
  return (2 * shared) / (targetLength + steps.length);
}

function asSteps(value: readonly string[] | readonly RetroSpan[]): readonly string[] {
  if (value.length === 0 || typeof value[0] === "string") return value as readonly string[];
  return stepSequence(value as readonly RetroSpan[]);
}
