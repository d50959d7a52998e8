// Stored rollup rows → the points of the analytics API (api.md "Analytics API"). Rows of a finer
// granularity than the requested bucket (minute rows for 5m buckets) are merged: sums add, histograms
// add bin by bin, maxima take the larger. Points are ordered by bucket, then group. Pure.
import { alignDown } from "./buckets";
import { decodeBins, mergeBins, quantiles, type Bins } from "./sketch";

export type LatencyRollup = { group: string; bucketStartMs: number; count: number; maxMs: number; bins: string };
export type CostRollup = { group: string; bucketStartMs: number; count: number; costUsd: number; inputTokens: number; outputTokens: number };

export type LatencyPoint = { bucketStart: string; group: string; count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
export type CostPoint = {
  bucketStart: string; group: string; traces: number; costUsd: number; costPerTraceUsd: number; inputTokens: number; outputTokens: number;
};

type Keyed = { bucketStartMs: number; group: string };

/** Groups rows by (bucket of `bucketMs`, group), folding each row into its entry. */
function fold<R extends Keyed, E extends Keyed>(rows: readonly R[], bucketMs: number, create: (start: number, row: R) => E, into: (entry: E, row: R) => void): E[] {
  const entries = new Map<string, E>();
  for (const row of rows) {
    const start = alignDown(row.bucketStartMs, bucketMs);
    const id = `${start}\u0000${row.group}`;
    let entry = entries.get(id);
    if (!entry) {
      entry = create(start, row);
      entries.set(id, entry);
    }
    into(entry, row);
  }
  return [...entries.values()].sort((a, b) => a.bucketStartMs - b.bucketStartMs || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

const toIso = (ms: number) => new Date(ms).toISOString();
/** Microsecond resolution, like stored durations: no float noise in the JSON. */
const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** Latency points: count, nearest-rank p50/p95/p99 (within the sketch's accuracy) and max per bucket and group. */
export function buildLatencySeries(rows: readonly LatencyRollup[], bucketMs: number): LatencyPoint[] {
  type Entry = Keyed & { count: number; maxMs: number; bins: Bins };
  const entries = fold<LatencyRollup, Entry>(
    rows,
    bucketMs,
    (start, row) => ({ bucketStartMs: start, group: row.group, count: 0, maxMs: 0, bins: new Map() }),
    (entry, row) => {
      entry.count += row.count;
      entry.maxMs = Math.max(entry.maxMs, row.maxMs);
      mergeBins(entry.bins, decodeBins(row.bins));
    },
  );
  return entries.map((e) => {
    const [p50, p95, p99] = quantiles(e.bins, [0.5, 0.95, 0.99], e.maxMs);
    return { bucketStart: toIso(e.bucketStartMs), group: e.group, count: e.count, p50Ms: roundMs(p50 ?? 0), p95Ms: roundMs(p95 ?? 0), p99Ms: roundMs(p99 ?? 0), maxMs: roundMs(e.maxMs) };
  });
}

/** Cost points: traces, cost, cost per trace and tokens per bucket and group. */
export function buildCostSeries(rows: readonly CostRollup[], bucketMs: number): CostPoint[] {
  type Entry = Keyed & { traces: number; costUsd: number; inputTokens: number; outputTokens: number };
  const entries = fold<CostRollup, Entry>(
    rows,
    bucketMs,
    (start, row) => ({ bucketStartMs: start, group: row.group, traces: 0, costUsd: 0, inputTokens: 0, outputTokens: 0 }),
    (entry, row) => {
      entry.traces += row.count;
      entry.costUsd += row.costUsd;
      entry.inputTokens += row.inputTokens;
      entry.outputTokens += row.outputTokens;
    },
  );
  return entries.map((e) => {
    // Sums that had items subtracted may carry float residue below zero; cost is never negative.
    const costUsd = Math.max(0, e.costUsd);
    return { bucketStart: toIso(e.bucketStartMs), group: e.group, traces: e.traces, costUsd, costPerTraceUsd: e.traces > 0 ? costUsd / e.traces : 0, inputTokens: e.inputTokens, outputTokens: e.outputTokens };
  });
}
