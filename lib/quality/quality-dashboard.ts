// The Quality dashboard's figures: per task, agent or model, the mean and pass rate of one score over the
// window against the previous period of equal length, and where the level shifted, found with the same
// CUSUM change-point method as the drift dashboard (lib/analytics/drift-cusum.ts) with the previous period
// as the baseline. Works from the score rollups' sums, so every figure is exact. Pure.
import { detectChangePoint } from "@/lib/analytics/drift-cusum";
import { buildSeries, listBucketStarts } from "@/lib/analytics/dashboard-shape";
import type { TimeRow, TimeSeriesData, TraceLinkFilter } from "@/lib/format/chart";

export const QUALITY_GROUP_BY = ["task", "agent", "model"] as const;
export type QualityGroupBy = (typeof QUALITY_GROUP_BY)[number];

/** Lines drawn per chart: the most scored groups. */
export const MAX_CHART_GROUPS = 8;

/** A bucket's sums for one group (a row of the score rollups, summed over score names when mixed). */
export type ScoreSums = { bucketStartMs: number; group: string; count: number; valueCount: number; valueSum: number; passCount: number };

export type QualityShift = {
  metric: "mean" | "pass rate";
  /** Start of the first bucket at the new level. */
  atMs: number;
  direction: "up" | "down";
  levelBefore: number;
  levelAfter: number;
};

export type QualityRow = {
  group: string;
  count: number;
  mean: number | null;
  passRate: number | null;
  previousMean: number | null;
  previousPassRate: number | null;
  shift: QualityShift | null;
  /** Per bucket of the window: mean and pass rate (null: no score there). */
  series: { t: number; mean: number | null; passRate: number | null }[];
};

export type QualityRanges = { previousStartMs: number; startMs: number; endMs: number; bucketMs: number };

type Totals = { count: number; valueCount: number; valueSum: number; passCount: number };
const ZERO: Totals = { count: 0, valueCount: 0, valueSum: 0, passCount: 0 };
const add = (a: Totals, b: Totals): Totals => ({
  count: a.count + b.count,
  valueCount: a.valueCount + b.valueCount,
  valueSum: a.valueSum + b.valueSum,
  passCount: a.passCount + b.passCount,
});
const meanOf = (t: Totals) => (t.valueCount > 0 ? t.valueSum / t.valueCount : null);
const passRateOf = (t: Totals) => (t.count > 0 ? t.passCount / t.count : null);

/** Buckets of [fromMs, toMs) as totals, in order. */
function bucketTotals(rows: readonly ScoreSums[], fromMs: number, toMs: number, bucketMs: number): Totals[] {
  const starts = listBucketStarts(fromMs, toMs, bucketMs);
  const totals = starts.map(() => ZERO);
  for (const row of rows) {
    const i = Math.floor((row.bucketStartMs - fromMs) / bucketMs);
    if (i >= 0 && i < totals.length && row.bucketStartMs >= fromMs && row.bucketStartMs < toMs) totals[i] = add(totals[i]!, row);
  }
  return totals;
}

function shiftOf(metric: QualityShift["metric"], baseline: (number | null)[], series: (number | null)[], r: QualityRanges): QualityShift | null {
  const cp = detectChangePoint(baseline, series);
  if (!cp) return null;
  return { metric, atMs: r.startMs + cp.index * r.bucketMs, direction: cp.direction, levelBefore: cp.baselineMean, levelAfter: cp.levelAfter };
}

/** One row per group seen in the window, most scored first. */
export function buildQualityRows(rows: readonly ScoreSums[], r: QualityRanges): QualityRow[] {
  const byGroup = new Map<string, ScoreSums[]>();
  for (const row of rows) {
    let list = byGroup.get(row.group);
    if (!list) byGroup.set(row.group, (list = []));
    list.push(row);
  }
  const out: QualityRow[] = [];
  for (const [group, groupRows] of byGroup) {
    const current = bucketTotals(groupRows, r.startMs, r.endMs, r.bucketMs);
    const previous = bucketTotals(groupRows, r.previousStartMs, r.startMs, r.bucketMs);
    const total = current.reduce(add, ZERO);
    if (total.count === 0) continue;
    const before = previous.reduce(add, ZERO);
    const means = current.map(meanOf);
    const rates = current.map(passRateOf);
    // The mean when the score has values, else (labels only) the pass rate.
    const shift = total.valueCount > 0 ? shiftOf("mean", previous.map(meanOf), means, r) : shiftOf("pass rate", previous.map(passRateOf), rates, r);
    out.push({
      group,
      count: total.count,
      mean: meanOf(total),
      passRate: passRateOf(total),
      previousMean: meanOf(before),
      previousPassRate: passRateOf(before),
      shift,
      series: current.map((t, i) => ({ t: r.startMs + i * r.bucketMs, mean: means[i]!, passRate: rates[i]! })),
    });
  }
  return out.sort((a, b) => b.count - a.count || (a.group < b.group ? -1 : 1));
}

const linkFilter = (groupBy: QualityGroupBy, group: string): TraceLinkFilter =>
  groupBy === "task" ? { name: group } : groupBy === "agent" ? { agent: group } : { model: group };

/** The mean and pass-rate charts: one line per group (the most scored), one row per bucket of the window. */
export function qualityCharts(rows: readonly QualityRow[], groupBy: QualityGroupBy, bucketMs: number): { mean: TimeSeriesData; passRate: TimeSeriesData } {
  const shown = rows.slice(0, MAX_CHART_GROUPS);
  const series = buildSeries(
    shown.map((r) => r.group),
    (group) => linkFilter(groupBy, group),
  );
  const pivot = (pick: (p: QualityRow["series"][number]) => number | null): TimeSeriesData => {
    const times = shown[0]?.series.map((p) => p.t) ?? [];
    const out: TimeRow[] = times.map((t, i) => {
      const row: TimeRow = { t };
      shown.forEach((r, j) => (row[series[j]!.key] = pick(r.series[i]!)));
      return row;
    });
    return { rows: out, series, bucketMs };
  };
  return { mean: pivot((p) => p.mean), passRate: pivot((p) => (p.passRate === null ? null : p.passRate * 100)) };
}
