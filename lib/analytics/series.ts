// Stored rollup rows → the points of the analytics API (LatencyPoint, CostPoint in docs/api.md). Rows of the requested
// bucket size map one to one; finer rows (minute rows for 5m buckets) are merged: sums add, histograms
// add bin by bin, maxima take the larger. Points are ordered by bucket, then group. Pure.
//
// toCostPoint, toLatencyPoint and orderPoints are exported for the one-to-one case of large answers
// (lib/data/analytics/metrics-*.ts), which builds points straight from the driver's rows: with ~40,000 rows,
// every intermediate object that lives until the end of the request costs garbage-collection time.
import { roundUsd } from "@/lib/pricing/round-usd";
import { alignDown } from "./buckets";
import { decodeBins, mergeBins, quantiles, type Bins } from "./sketch";

/** A stored row for latency: its own percentiles, and its histogram when buckets merge several rows. */
export type LatencyRollup = { group: string; bucketStartMs: number; count: number; maxMs: number; p50Ms: number; p95Ms: number; p99Ms: number; bins?: string };
export type CostRollup = { group: string; bucketStartMs: number; count: number; costUsd: number; inputTokens: number; outputTokens: number };

export type LatencyPoint = { bucketStart: string; group: string; count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
export type CostPoint = {
  bucketStart: string;
  group: string;
  traces: number;
  costUsd: number;
  costPerTraceUsd: number;
  inputTokens: number;
  outputTokens: number;
  /** Only on "(other)" points: how many groups outside the top ones it sums. */
  otherGroups?: number;
};

/** The group of the points that sum, per bucket, the groups outside the top ones of a range. */
export const OTHER_GROUP = "(other)";

type Keyed = { bucketStartMs: number; group: string };

const byBucketThenGroup = (a: Keyed, b: Keyed) => a.bucketStartMs - b.bucketStartMs || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);

/** Rows in point order. Queries return them so already (index order), which one pass confirms. */
function ordered<R extends Keyed>(rows: readonly R[]): readonly R[] {
  for (let i = 1; i < rows.length; i++) if (byBucketThenGroup(rows[i - 1]!, rows[i]!) > 0) return [...rows].sort(byBucketThenGroup);
  return rows;
}

// ISO bucket starts of one format compare like the times they stand for.
const byPointOrder = (a: Point, b: Point) =>
  a.bucketStart < b.bucketStart ? -1 : a.bucketStart > b.bucketStart ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0;
type Point = { bucketStart: string; group: string };

/** Points ordered by bucket, then group: as given when they are (one pass checks), else sorted in place. */
export function orderPoints<P extends Point>(points: P[]): P[] {
  for (let i = 1; i < points.length; i++) if (byPointOrder(points[i - 1]!, points[i]!) > 0) return points.sort(byPointOrder);
  return points;
}

/** Two lists in point order merged into one (the first's point first where both have the same key). */
export function mergePoints<P extends Point>(a: readonly P[], b: readonly P[]): P[] {
  const out: P[] = [];
  let j = 0;
  for (const point of a) {
    while (j < b.length && byPointOrder(b[j]!, point) < 0) out.push(b[j++]!);
    out.push(point);
  }
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Groups rows by (bucket of `bucketMs`, group), folding each row into its entry. */
function fold<R extends Keyed, E extends Keyed>(
  rows: readonly R[],
  bucketMs: number,
  create: (start: number, row: R) => E,
  into: (entry: E, row: R) => void,
): readonly E[] {
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
  return ordered([...entries.values()]);
}

/** ISO text of a bucket start; points come bucket by bucket, so the last one is remembered. */
const toIso = (() => {
  let lastMs = Number.NaN,
    lastIso = "";
  return (ms: number) => (ms === lastMs ? lastIso : ((lastMs = ms), (lastIso = new Date(ms).toISOString())));
})();
/** Microsecond resolution, like stored durations: no float noise in the JSON. */
const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Latency points: count, nearest-rank p50/p95/p99 (within the sketch's accuracy) and max per bucket and
 * group. Rows of the bucket's own size carry their percentiles; finer rows (minute rows for 5m
 * buckets) are merged through their histograms, which they must then carry.
 */
export function buildLatencySeries(rows: readonly LatencyRollup[], bucketMs: number, rowMs: number): LatencyPoint[] {
  if (bucketMs === rowMs) {
    return ordered(rows).map((r) => toLatencyPoint(r.bucketStartMs, r.group, r.count, r.p50Ms, r.p95Ms, r.p99Ms, r.maxMs));
  }
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
    return toLatencyPoint(e.bucketStartMs, e.group, e.count, p50 ?? 0, p95 ?? 0, p99 ?? 0, e.maxMs);
  });
}

/** One latency point (durations rounded to the microsecond). */
export function toLatencyPoint(bucketStartMs: number, group: string, count: number, p50Ms: number, p95Ms: number, p99Ms: number, maxMs: number): LatencyPoint {
  return { bucketStart: toIso(bucketStartMs), group, count, p50Ms: roundMs(p50Ms), p95Ms: roundMs(p95Ms), p99Ms: roundMs(p99Ms), maxMs: roundMs(maxMs) };
}

/** Cost points: traces, cost, cost per trace and tokens per bucket and group. */
export function buildCostSeries(rows: readonly CostRollup[], bucketMs: number, rowMs: number): CostPoint[] {
  const merged =
    bucketMs === rowMs
      ? ordered(rows)
      : fold<CostRollup, CostRollup>(
          rows,
          bucketMs,
          (start, row) => ({ bucketStartMs: start, group: row.group, count: 0, costUsd: 0, inputTokens: 0, outputTokens: 0 }),
          (entry, row) => {
            entry.count += row.count;
            entry.costUsd += row.costUsd;
            entry.inputTokens += row.inputTokens;
            entry.outputTokens += row.outputTokens;
          },
        );
  return merged.map((e) => toCostPoint(e.bucketStartMs, e.group, e.count, e.costUsd, e.inputTokens, e.outputTokens));
}

/** One cost point, with the cost per trace. */
export function toCostPoint(bucketStartMs: number, group: string, traces: number, costUsd: number, inputTokens: number, outputTokens: number): CostPoint {
  // Sums that had items subtracted may carry float residue below zero; cost is never negative.
  const cost = Math.max(0, costUsd);
  return {
    bucketStart: toIso(bucketStartMs),
    group,
    traces,
    costUsd: roundUsd(cost),
    costPerTraceUsd: traces > 0 ? roundUsd(cost / traces) : 0,
    inputTokens,
    outputTokens,
  };
}
