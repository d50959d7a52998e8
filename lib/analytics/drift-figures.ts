// Figures of the drift view, from per-bucket rollup rows of one group (trace.name or trace.agent):
// totals over a time range, the ratios shown (cost per run, p95, error rate, tokens per LLM call, tool
// calls per run), the per-bucket series and the change in % against a baseline. Pure.
import { decodeBins, mergeBins, quantiles, type Bins } from "./sketch";

export type DriftRollup = {
  bucketStartMs: number;
  count: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  maxMs: number;
  bins: string;
};

export type RangeTotals = {
  runs: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  maxMs: number;
  bins: Bins;
};

/** What one range (a window, a baseline, one bucket) looks like. Ratios are null without runs/calls. */
export type DriftFigures = {
  runs: number;
  costUsd: number;
  costPerRunUsd: number | null;
  p95Ms: number | null;
  errorRate: number | null;
  /** (input + output tokens) / LLM calls. */
  tokensPerCall: number | null;
  toolCallsPerRun: number | null;
};

export type SeriesPoint = { bucketStart: string; runs: number; costPerRunUsd: number | null; p95Ms: number | null; errorRate: number | null };

const emptyTotals = (): RangeTotals => ({
  runs: 0,
  errorCount: 0,
  llmCallCount: 0,
  toolCallCount: 0,
  costUsd: 0,
  inputTokens: 0,
  outputTokens: 0,
  maxMs: 0,
  bins: new Map(),
});

/** Sums the rows whose bucket starts in [fromMs, toMs). */
export function sumRange(rows: readonly DriftRollup[], fromMs: number, toMs: number): RangeTotals {
  const totals = emptyTotals();
  for (const row of rows) {
    if (row.bucketStartMs < fromMs || row.bucketStartMs >= toMs || row.count <= 0) continue;
    totals.runs += row.count;
    totals.errorCount += row.errorCount;
    totals.llmCallCount += row.llmCallCount;
    totals.toolCallCount += row.toolCallCount;
    totals.costUsd += row.costUsd;
    totals.inputTokens += row.inputTokens;
    totals.outputTokens += row.outputTokens;
    totals.maxMs = Math.max(totals.maxMs, row.maxMs);
    mergeBins(totals.bins, decodeBins(row.bins));
  }
  return totals;
}

/** Microsecond resolution like stored durations; cost keeps full precision (it is summed by callers). */
const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function toFigures(t: RangeTotals): DriftFigures {
  // Sums that had items subtracted (late spans, price changes) may carry float residue below zero.
  const costUsd = Math.max(0, t.costUsd);
  const [p95] = quantiles(t.bins, [0.95], t.maxMs);
  return {
    runs: t.runs,
    costUsd,
    costPerRunUsd: ratio(costUsd, t.runs),
    p95Ms: p95 === null || p95 === undefined ? null : roundMs(p95),
    errorRate: ratio(t.errorCount, t.runs),
    tokensPerCall: ratio(t.inputTokens + t.outputTokens, t.llmCallCount),
    toolCallsPerRun: ratio(t.toolCallCount, t.runs),
  };
}

/** Figures of [fromMs, toMs). */
export const figuresOf = (rows: readonly DriftRollup[], fromMs: number, toMs: number) => toFigures(sumRange(rows, fromMs, toMs));

/** Change from `baseline` to `current` in %, null when either is missing or the baseline is 0. */
export function changePct(current: number | null, baseline: number | null): number | null {
  if (current === null || baseline === null || baseline === 0) return null;
  return ((current - baseline) / Math.abs(baseline)) * 100;
}

/** One point per bucket of [startMs, endMs), empty buckets included (runs 0, ratios null). */
export function bucketSeries(rows: readonly DriftRollup[], startMs: number, endMs: number, bucketMs: number): SeriesPoint[] {
  // Rows are read at the bucket's own granularity, so each row belongs to exactly one bucket.
  const byBucket = new Map<number, DriftRollup[]>();
  for (const row of rows) {
    const b = startMs + Math.floor((row.bucketStartMs - startMs) / bucketMs) * bucketMs;
    if (b < startMs || b >= endMs) continue;
    const list = byBucket.get(b);
    if (list) list.push(row);
    else byBucket.set(b, [row]);
  }
  const points: SeriesPoint[] = [];
  for (let b = startMs; b < endMs; b += bucketMs) {
    const f = figuresOf(byBucket.get(b) ?? [], b, b + bucketMs);
    points.push({ bucketStart: new Date(b).toISOString(), runs: f.runs, costPerRunUsd: f.costPerRunUsd, p95Ms: f.p95Ms, errorRate: f.errorRate });
  }
  return points;
}
