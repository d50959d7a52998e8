// Pure helpers that turn analytics points (lib/analytics/series.ts) into the chart shapes of
// lib/format/chart.ts: bucket choice, ranking of groups, pivoting to one row per bucket, and merging
// latency histograms over a whole window. No I/O, so unit-tested directly.
//
// Rows cover every bucket of the window, empty ones included, so bars sit at their true time and lines
// show gaps (null) where a group had no data.
import { bucketSpan, type Bucket } from "@/lib/analytics/buckets";
import { decodeBins, mergeBins, quantiles, type Bins } from "@/lib/analytics/sketch";
import { getSeriesColor, type ChartSeries, type TimeRow, type TimeSeriesData, type TraceLinkFilter } from "@/lib/format/chart";

/** A chart shows at most this many buckets by default: enough detail, still legible and light to ship. */
export const CHART_MAX_BUCKETS = 300;

/** The finest of `allowed` (ordered fine → coarse) giving at most CHART_MAX_BUCKETS over the window; else the coarsest. */
export function pickChartBucket<B extends Bucket>(fromMs: number, toMs: number, allowed: readonly B[]): B {
  return allowed.find((b) => bucketSpan(fromMs, toMs, b).buckets <= CHART_MAX_BUCKETS) ?? allowed[allowed.length - 1]!;
}

/** `value` when it is one of `allowed`, else `fallback` (URL parameters of the dashboards). */
export function parseChoice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Bucket starts of [startMs, endMs), both aligned to `bucketMs`. */
export function listBucketStarts(startMs: number, endMs: number, bucketMs: number): number[] {
  const out: number[] = [];
  for (let t = startMs; t < endMs; t += bucketMs) out.push(t);
  return out;
}

/** Groups ordered by the sum of `weight` over their points (largest first, then by name); at most `limit`. */
export function rankGroups<P extends { group: string }>(points: readonly P[], weight: (point: P) => number, limit = Infinity): string[] {
  const totals = new Map<string, number>();
  for (const p of points) totals.set(p.group, (totals.get(p.group) ?? 0) + weight(p));
  return [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([group]) => group);
}

/** Series for `labels`, coloured in order, each linking to the traces `filterOf` its label. */
export function buildSeries(labels: readonly string[], filterOf: (label: string) => TraceLinkFilter): ChartSeries[] {
  return labels.map((label, i) => ({ key: `s${i}`, label, color: getSeriesColor(i), filter: filterOf(label) }));
}

type PivotOptions<P> = {
  series: readonly ChartSeries[];
  /** Which series a point belongs to (by label), or undefined to skip it. */
  seriesOf: (point: P) => string | undefined;
  value: (point: P) => number | null;
  startMs: number;
  endMs: number;
  bucketMs: number;
  /** Value of a bucket without a point: null (a gap in a line) or 0 (an empty bar). */
  empty: null | 0;
};

/** One row per bucket of [startMs, endMs) with one column per series; points of one cell add up. */
export function pivotTimeSeries<P extends { bucketStart: string }>(points: readonly P[], options: PivotOptions<P>): TimeSeriesData {
  const { series, startMs, endMs, bucketMs, empty } = options;
  const keyOf = new Map(series.map((s) => [s.label, s.key]));
  const rows = listBucketStarts(startMs, endMs, bucketMs).map((t) => {
    const row: TimeRow = { t };
    for (const s of series) row[s.key] = empty;
    return row;
  });
  for (const point of points) {
    const label = options.seriesOf(point);
    const key = label === undefined ? undefined : keyOf.get(label);
    const row = rows[Math.floor((Date.parse(point.bucketStart) - startMs) / bucketMs)];
    const value = options.value(point);
    if (!key || !row || value === null) continue;
    row[key] = (row[key] ?? 0) + value;
  }
  return { rows, series: [...series], bucketMs };
}

export type LatencyRollupRow = { group: string; count: number; maxMs: number; bins: string };
export type LatencySummary = { group: string; count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

/** Percentiles of each group over all its rows (histograms merged), slowest p95 first. */
export function summariseLatency(rows: readonly LatencyRollupRow[]): LatencySummary[] {
  const groups = new Map<string, { count: number; maxMs: number; bins: Bins }>();
  for (const row of rows) {
    let entry = groups.get(row.group);
    if (!entry) groups.set(row.group, (entry = { count: 0, maxMs: 0, bins: new Map() }));
    entry.count += row.count;
    entry.maxMs = Math.max(entry.maxMs, row.maxMs);
    mergeBins(entry.bins, decodeBins(row.bins));
  }
  const round = (ms: number | null | undefined) => Math.round((ms ?? 0) * 1000) / 1000;
  return [...groups]
    .filter(([, e]) => e.count > 0)
    .map(([group, e]) => {
      const [p50, p95, p99] = quantiles(e.bins, [0.5, 0.95, 0.99], e.maxMs);
      return { group, count: e.count, p50Ms: round(p50), p95Ms: round(p95), p99Ms: round(p99), maxMs: round(e.maxMs) };
    })
    .sort((a, b) => b.p95Ms - a.p95Ms || b.count - a.count);
}

/** Failed runs and their cost (waste) of one task in one bucket. */
export type WasteCell = { failedRuns: number; wasteUsd: number };

/** One task's failed runs in one bucket, as summed in SQL. */
export type WasteCellRow = WasteCell & { name: string; bucketStartMs: number };

/** Waste rows → cells keyed by wasteKey (rows of one cell add up). */
export function toWasteCells(rows: readonly WasteCellRow[]): Map<string, WasteCell> {
  const cells = new Map<string, WasteCell>();
  for (const row of rows) {
    const key = wasteKey(row.bucketStartMs, row.name);
    const cell = cells.get(key) ?? { failedRuns: 0, wasteUsd: 0 };
    cell.failedRuns += row.failedRuns;
    cell.wasteUsd += row.wasteUsd;
    cells.set(key, cell);
  }
  return cells;
}

export const wasteKey = (bucketStartMs: number, name: string) => `${bucketStartMs}|${name}`;

/** Cost of the completed runs, given a bucket's totals and its failed part; never below 0 (float residue). */
export function splitCompleted(total: { traces: number; costUsd: number }, waste: WasteCell | undefined): { completedRuns: number; completedUsd: number } {
  const completedRuns = Math.max(0, total.traces - (waste?.failedRuns ?? 0));
  const completedUsd = Math.max(0, total.costUsd - (waste?.wasteUsd ?? 0));
  return { completedRuns, completedUsd };
}
