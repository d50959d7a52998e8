// Rollup changes of one transaction, accumulated in memory and applied to the stored rows in one go.
// Every field of a rollup row is a sum (counts, totals, histogram bins), so a delta is simply what to
// add; an item that changed is removed with its old contribution and added with its new one. Only
// the maximum is not subtractable: see applyDelta. Pure.
import { alignDown, GRANULARITY_MS, type Granularity } from "./buckets";
import type { Contribution } from "./contributions";
import { DIMENSIONS, type Dimension } from "./dimensions";
import { addValue, binOf, binValue, dropEmptyBins, highestBin, mergeBins, type Bins } from "./sketch";

export type RollupKey = { dimension: Dimension; granularity: Granularity; bucketStartMs: number; group: string };
export type RollupTotals = {
  count: number; errorCount: number; llmCallCount: number; toolCallCount: number;
  durationSumMs: number; costUsd: number; inputTokens: number; outputTokens: number;
};
export type RollupRow = RollupKey & RollupTotals & { maxMs: number; bins: Bins };
export type RollupDelta = RollupKey & RollupTotals & {
  /** Null for dimensions without a histogram. */
  bins: Bins | null;
  /** Largest duration added / removed by this delta, null when none. */
  addedMaxMs: number | null;
  removedMaxMs: number | null;
};

const TOTALS = ["count", "errorCount", "llmCallCount", "toolCallCount", "durationSumMs", "costUsd", "inputTokens", "outputTokens"] as const satisfies readonly (keyof RollupTotals)[];
const ZERO_TOTALS: RollupTotals = { count: 0, errorCount: 0, llmCallCount: 0, toolCallCount: 0, durationSumMs: 0, costUsd: 0, inputTokens: 0, outputTokens: 0 };

/** A string identifying the row of a key (for maps). */
export const rollupId = (k: RollupKey) => `${k.dimension}\u0000${k.granularity}\u0000${k.bucketStartMs}\u0000${k.group}`;

const maxOf = (a: number | null, b: number) => (a === null || b > a ? b : a);

/** Deltas keyed by rollup row. */
export class RollupDeltas {
  private readonly deltas = new Map<string, RollupDelta>();

  /** Adds (sign 1) or removes (sign −1) one contribution at every granularity its dimension keeps. */
  add(c: Contribution, sign: 1 | -1): void {
    const spec = DIMENSIONS[c.dimension];
    for (const granularity of spec.granularities) {
      const key: RollupKey = { dimension: c.dimension, granularity, bucketStartMs: alignDown(c.startMs, GRANULARITY_MS[granularity]), group: c.group };
      const id = rollupId(key);
      let delta = this.deltas.get(id);
      if (!delta) {
        delta = { ...key, ...ZERO_TOTALS, bins: spec.histogram ? new Map() : null, addedMaxMs: null, removedMaxMs: null };
        this.deltas.set(id, delta);
      }
      delta.count += sign;
      delta.errorCount += sign * c.errorCount;
      delta.llmCallCount += sign * c.llmCallCount;
      delta.toolCallCount += sign * c.toolCallCount;
      delta.durationSumMs += sign * c.durationMs;
      delta.costUsd += sign * c.costUsd;
      delta.inputTokens += sign * c.inputTokens;
      delta.outputTokens += sign * c.outputTokens;
      if (delta.bins) addValue(delta.bins, c.durationMs, sign);
      if (sign > 0) delta.addedMaxMs = maxOf(delta.addedMaxMs, c.durationMs);
      else delta.removedMaxMs = maxOf(delta.removedMaxMs, c.durationMs);
    }
  }

  /** Adds or removes every contribution of one item. */
  addAll(contributions: readonly Contribution[], sign: 1 | -1): void {
    for (const c of contributions) this.add(c, sign);
  }

  /** The deltas that change something (an item removed and re-added unchanged cancels out). */
  changes(): RollupDelta[] {
    return [...this.deltas.values()].filter((d) => !isNoop(d));
  }
}

function isNoop(d: RollupDelta): boolean {
  return TOTALS.every((t) => d[t] === 0) && (d.bins === null || d.bins.size === 0) && d.addedMaxMs === d.removedMaxMs;
}

/**
 * The stored row after a delta. A row whose count falls to zero is emptied (rounding residue of the
 * float sums goes with it). The maximum stays exact while only larger items arrive; when the delta
 * may have removed the largest item, it falls back to the representative of the highest non-empty
 * bin, which is within the sketch's accuracy of the true maximum.
 */
export function applyDelta(stored: RollupRow | null, delta: RollupDelta): RollupRow {
  const key: RollupKey = { dimension: delta.dimension, granularity: delta.granularity, bucketStartMs: delta.bucketStartMs, group: delta.group };
  const totals = { ...ZERO_TOTALS };
  for (const t of TOTALS) totals[t] = (stored?.[t] ?? 0) + delta[t];
  if (totals.count <= 0) return { ...key, ...ZERO_TOTALS, maxMs: 0, bins: new Map() };
  const bins: Bins = new Map(stored?.bins ?? []);
  const previousMax = stored?.maxMs ?? 0;
  let maxMs = Math.max(previousMax, delta.addedMaxMs ?? 0);
  if (delta.bins) {
    mergeBins(bins, delta.bins);
    dropEmptyBins(bins);
    const top = highestBin(bins);
    const removedLargest = delta.removedMaxMs !== null && delta.removedMaxMs >= previousMax && (delta.addedMaxMs === null || delta.addedMaxMs < delta.removedMaxMs);
    if (top === null) maxMs = 0;
    else if (binOf(maxMs) > top || removedLargest) maxMs = binValue(top);
  }
  return { ...key, ...totals, maxMs, bins };
}
