// Rollup changes of one transaction, accumulated in memory and applied to the stored rows in one go.
// Every field of a rollup row is a sum (counts, totals, histogram bins), so a delta is simply what to
// add; an item that changed is removed with its old contribution and added with its new one. Only
// the maximum is not subtractable: see applyDelta. Pure.
import { alignDown, GRANULARITY_MS, type Granularity } from "./buckets";
import type { Contribution } from "./contributions";
import { DIMENSIONS, type Dimension } from "./dimensions";
import { allTasksGroup } from "./graph/graph-contributions";
import { addValue, binOf, binValue, highestBin, mergeBins, mergeIntoStored, quantiles, type Bins } from "./sketch";

export const PERCENTILES = [0.5, 0.95, 0.99] as const;

export type RollupKey = { dimension: Dimension; granularity: Granularity; bucketStartMs: number; group: string };
export type RollupTotals = {
  count: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  durationSumMs: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
};
export type RollupRow = RollupKey & RollupTotals & { maxMs: number; p50Ms: number; p95Ms: number; p99Ms: number; bins: Bins };
export type RollupDelta = RollupKey &
  RollupTotals & {
    /** Null for dimensions without a histogram. */
    bins: Bins | null;
    /** Largest duration added / removed by this delta, null when none. */
    addedMaxMs: number | null;
    removedMaxMs: number | null;
  };

/** A string identifying the row of a key (for maps). */
export const rollupId = (k: RollupKey) => `${k.dimension}\u0000${k.granularity}\u0000${k.bucketStartMs}\u0000${k.group}`;

const maxOf = (a: number | null, b: number) => (a === null || b > a ? b : a);

/** "dimension granularity" → group → bucket start → delta: nested maps, so no key string is built per item (hot path). */
type DeltaTree = Map<string, Map<string, Map<number, RollupDelta>>>;

function getOrCreate(tree: DeltaTree, key: RollupKey, histogram: boolean): RollupDelta {
  // The granularity belongs to the key: a day bucket and its first hour start at the same instant.
  const level = `${key.dimension} ${key.granularity}`;
  let groups = tree.get(level);
  if (!groups) tree.set(level, (groups = new Map<string, Map<number, RollupDelta>>()));
  let buckets = groups.get(key.group);
  if (!buckets) groups.set(key.group, (buckets = new Map<number, RollupDelta>()));
  let delta = buckets.get(key.bucketStartMs);
  if (!delta) buckets.set(key.bucketStartMs, (delta = newDelta(key, histogram)));
  return delta;
}

// Objects are built field by field with one fixed shape: spreads and computed keys here cost
// microseconds per row on the ingest path (megamorphic property access in V8).
function newDelta(k: RollupKey, histogram: boolean): RollupDelta {
  return {
    dimension: k.dimension,
    granularity: k.granularity,
    bucketStartMs: k.bucketStartMs,
    group: k.group,
    count: 0,
    errorCount: 0,
    llmCallCount: 0,
    toolCallCount: 0,
    durationSumMs: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
    bins: histogram ? new Map() : null,
    addedMaxMs: null,
    removedMaxMs: null,
  };
}

/**
 * Dimensions no item adds to: changes() sums them from another dimension's finest deltas, each group
 * mapped to its own (null: left out). The map's every-task edges are its per-task edges without the task.
 */
const DERIVED: readonly { from: Dimension; to: Dimension; group: (group: string) => string | null }[] = [
  { from: "graph.edge", to: "graph.edge_all", group: allTasksGroup },
];

/** The finest deltas of the DERIVED dimensions, summed from `finest` (a derived finest may be coarser than its source's). */
function derived(finest: readonly RollupDelta[]): RollupDelta[] {
  const tree: DeltaTree = new Map();
  for (const rule of DERIVED) {
    const groups = new Map<string, string | null>();
    for (const d of finest) {
      if (d.dimension !== rule.from) continue;
      let group = groups.get(d.group);
      if (group === undefined) groups.set(d.group, (group = rule.group(d.group)));
      if (group === null) continue;
      const { granularities, histogram } = DIMENSIONS[rule.to];
      const granularity = granularities[0];
      const key = { dimension: rule.to, granularity, bucketStartMs: alignDown(d.bucketStartMs, GRANULARITY_MS[granularity]), group };
      mergeDelta(getOrCreate(tree, key, histogram), d);
    }
  }
  return [...deltasOf(tree)];
}

function* deltasOf(tree: DeltaTree): Generator<RollupDelta> {
  for (const groups of tree.values()) for (const buckets of groups.values()) yield* buckets.values();
}

/**
 * Deltas keyed by rollup row. Items are added at the finest granularity their dimension keeps; the
 * coarser rows are derived from those in changes(), so ingest pays one map update per item, not three.
 */
export class RollupDeltas {
  private readonly finest: DeltaTree = new Map();

  /** Adds (sign 1) or removes (sign −1) one contribution. */
  add({ dimension, group, item }: Contribution, sign: 1 | -1): void {
    const spec = DIMENSIONS[dimension];
    const granularity = spec.granularities[0];
    const delta = getOrCreate(
      this.finest,
      { dimension, granularity, bucketStartMs: alignDown(item.startMs, GRANULARITY_MS[granularity]), group },
      spec.histogram,
    );
    delta.count += sign;
    delta.errorCount += sign * item.errorCount;
    delta.llmCallCount += sign * item.llmCallCount;
    delta.toolCallCount += sign * item.toolCallCount;
    delta.durationSumMs += sign * item.durationMs;
    delta.costUsd += sign * item.costUsd;
    delta.inputTokens += sign * item.inputTokens;
    delta.outputTokens += sign * item.outputTokens;
    if (delta.bins) addValue(delta.bins, item.durationMs, sign);
    if (sign > 0) delta.addedMaxMs = maxOf(delta.addedMaxMs, item.durationMs);
    else delta.removedMaxMs = maxOf(delta.removedMaxMs, item.durationMs);
  }

  /** Adds or removes every contribution of one item. */
  addAll(contributions: readonly Contribution[], sign: 1 | -1): void {
    for (const c of contributions) this.add(c, sign);
  }

  /**
   * Takes the finest deltas of `dimensions` out (none of their rows is then written from here): what an
   * ingest commit leaves pending for a later one (lib/data/analytics/rollup-writer.ts).
   */
  take(dimensions: ReadonlySet<Dimension>): RollupDelta[] {
    const out: RollupDelta[] = [];
    for (const [level, groups] of this.finest) {
      if (!dimensions.has(level.slice(0, level.indexOf(" ")) as Dimension)) continue;
      for (const buckets of groups.values()) for (const d of buckets.values()) if (!isNoop(d)) out.push(d);
      this.finest.delete(level);
    }
    return out;
  }

  /** Adds a delta of a dimension's finest granularity, as take() gave it. */
  addDelta(delta: RollupDelta): void {
    mergeDelta(getOrCreate(this.finest, delta, delta.bins !== null), delta);
  }

  /** The deltas of every granularity that change something (an item removed and re-added unchanged cancels out). */
  changes(): RollupDelta[] {
    const coarser: DeltaTree = new Map();
    const own = [...deltasOf(this.finest)];
    const finest = [...own, ...derived(own)];
    for (const d of finest) {
      const spec = DIMENSIONS[d.dimension];
      for (const granularity of spec.granularities.slice(1)) {
        const key = { dimension: d.dimension, granularity, bucketStartMs: alignDown(d.bucketStartMs, GRANULARITY_MS[granularity]), group: d.group };
        mergeDelta(getOrCreate(coarser, key, spec.histogram), d);
      }
    }
    return [...finest, ...deltasOf(coarser)].filter((d) => !isNoop(d));
  }
}

function mergeDelta(into: RollupDelta, from: RollupDelta): void {
  into.count += from.count;
  into.errorCount += from.errorCount;
  into.llmCallCount += from.llmCallCount;
  into.toolCallCount += from.toolCallCount;
  into.durationSumMs += from.durationSumMs;
  into.costUsd += from.costUsd;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  if (into.bins && from.bins) mergeBins(into.bins, from.bins);
  if (from.addedMaxMs !== null) into.addedMaxMs = maxOf(into.addedMaxMs, from.addedMaxMs);
  if (from.removedMaxMs !== null) into.removedMaxMs = maxOf(into.removedMaxMs, from.removedMaxMs);
}

function isNoop(d: RollupDelta): boolean {
  return (
    d.count === 0 &&
    d.errorCount === 0 &&
    d.llmCallCount === 0 &&
    d.toolCallCount === 0 &&
    d.durationSumMs === 0 &&
    d.costUsd === 0 &&
    d.inputTokens === 0 &&
    d.outputTokens === 0 &&
    (d.bins === null || d.bins.size === 0) &&
    d.addedMaxMs === d.removedMaxMs
  );
}

/**
 * The stored row after a delta. A row whose count falls to zero is emptied (rounding residue of the
 * float sums goes with it). The maximum stays exact while only larger items arrive; when the delta
 * may have removed the largest item, it falls back to the representative of the highest non-empty
 * bin, which is within the sketch's accuracy of the true maximum. p50/p95/p99 are recomputed from the
 * merged histogram. Updates `stored.bins` in place.
 */
export function applyDelta(stored: RollupRow | null, d: RollupDelta): RollupRow {
  const row: RollupRow = {
    dimension: d.dimension,
    granularity: d.granularity,
    bucketStartMs: d.bucketStartMs,
    group: d.group,
    count: (stored?.count ?? 0) + d.count,
    errorCount: (stored?.errorCount ?? 0) + d.errorCount,
    llmCallCount: (stored?.llmCallCount ?? 0) + d.llmCallCount,
    toolCallCount: (stored?.toolCallCount ?? 0) + d.toolCallCount,
    durationSumMs: (stored?.durationSumMs ?? 0) + d.durationSumMs,
    costUsd: (stored?.costUsd ?? 0) + d.costUsd,
    inputTokens: (stored?.inputTokens ?? 0) + d.inputTokens,
    outputTokens: (stored?.outputTokens ?? 0) + d.outputTokens,
    maxMs: Math.max(stored?.maxMs ?? 0, d.addedMaxMs ?? 0),
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
    bins: stored?.bins ?? (new Map() as Bins),
  };
  if (row.count <= 0) {
    return {
      dimension: d.dimension,
      granularity: d.granularity,
      bucketStartMs: d.bucketStartMs,
      group: d.group,
      count: 0,
      errorCount: 0,
      llmCallCount: 0,
      toolCallCount: 0,
      durationSumMs: 0,
      costUsd: 0,
      inputTokens: 0,
      outputTokens: 0,
      maxMs: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      bins: new Map(),
    };
  }
  if (d.bins) {
    mergeIntoStored(row.bins, d.bins);
    const top = highestBin(row.bins);
    const previousMax = stored?.maxMs ?? 0;
    // The largest may be gone when something at least as large was removed, even if as large was also
    // added: a merged delta that counted an item and took it out again holds both.
    const removedLargest = d.removedMaxMs !== null && d.removedMaxMs >= Math.max(previousMax, d.addedMaxMs ?? 0);
    if (top === null) row.maxMs = 0;
    else if (binOf(row.maxMs) > top || removedLargest) row.maxMs = binValue(top);
    // Stored with the row so reads at the row's own granularity never decode a histogram.
    [row.p50Ms, row.p95Ms, row.p99Ms] = quantiles(row.bins, PERCENTILES, row.maxMs).map((q) => q ?? 0) as [number, number, number];
  }
  return row;
}
