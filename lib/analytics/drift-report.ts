// One group's drift report (GET /api/v1/drift), from its rollup rows: the window against two
// baselines, change points of cost per run and p95 latency (drift-cusum.ts), and the two sides of
// the "what changed" comparison. Pure; lib/data/analytics/drift.ts adds the span sample to each side.
//
// Ranges (all bucket-aligned, `to` exclusive)
// - window: the whole buckets overlapping [from, to);
// - previous: the period of equal length just before the window (also the CUSUM reference);
// - trailing7d: the 7 days just before the window.
// "What changed" compares before vs after the change point: before = from the start of the previous
// period to the change bucket, after = from the change bucket to the end of the window. The cost
// change point wins over the latency one; without either, it compares previous vs window.
import { BUCKET_MS, bucketSpan } from "./buckets";
import { detectChangePoint, type ChangePoint } from "./drift-cusum";
import { bucketSeries, changePct, figuresOf, type DriftFigures, type DriftRollup, type SeriesPoint } from "./drift-figures";
import type { DriftBucket } from "./drift-params";

const DAY_MS = 86_400_000;

export type DriftRanges = { startMs: number; endMs: number; bucketMs: number; previousStartMs: number; trailingStartMs: number };

export type Change = { costPerRunPct: number | null; p95Pct: number | null; errorRatePct: number | null };
export type ChangePointView = {
  bucketStart: string;
  index: number;
  detectedAt: string;
  direction: "up" | "down";
  levelBefore: number;
  levelAfter: number;
  changePct: number | null;
};
export type SideRange = { fromMs: number; toMs: number };
export type ChangeSide = DriftFigures & {
  from: string;
  to: string;
  /** Runs of the span sample behind modelMix and retriesPerRun (the latest SAMPLE_RUNS of the side). */
  sampledRuns: number;
  modelMix: { model: string; calls: number; share: number }[];
  retriesPerRun: number | null;
};
export type DriftGroupReport = {
  group: string;
  current: DriftFigures;
  previous: DriftFigures & { change: Change };
  trailing7d: DriftFigures & { change: Change };
  changePoints: { costPerRun: ChangePointView | null; p95Ms: ChangePointView | null };
  series: SeriesPoint[];
  whatChanged: { basis: "changePoint" | "baseline"; before: ChangeSide; after: ChangeSide };
};

/** The bucket-aligned window and its baselines. */
export function driftRanges(fromMs: number, toMs: number, bucket: DriftBucket): DriftRanges {
  const { startMs, endMs } = bucketSpan(fromMs, toMs, bucket);
  return { startMs, endMs, bucketMs: BUCKET_MS[bucket], previousStartMs: startMs - (endMs - startMs), trailingStartMs: startMs - 7 * DAY_MS };
}

/** Percent with two decimals: enough for a chart label, free of float noise in the JSON. */
const roundPct = (pct: number | null) => (pct === null ? null : Math.round(pct * 100) / 100);

function compare(current: DriftFigures, baseline: DriftFigures): DriftFigures & { change: Change } {
  return {
    ...baseline,
    change: {
      costPerRunPct: roundPct(changePct(current.costPerRunUsd, baseline.costPerRunUsd)),
      p95Pct: roundPct(changePct(current.p95Ms, baseline.p95Ms)),
      errorRatePct: roundPct(changePct(current.errorRate, baseline.errorRate)),
    },
  };
}

function view(cp: ChangePoint | null, series: readonly SeriesPoint[]): ChangePointView | null {
  if (!cp) return null;
  return {
    bucketStart: series[cp.index]!.bucketStart,
    index: cp.index,
    detectedAt: series[cp.detectedIndex]!.bucketStart,
    direction: cp.direction,
    levelBefore: cp.baselineMean,
    levelAfter: cp.levelAfter,
    changePct: roundPct(changePct(cp.levelAfter, cp.baselineMean)),
  };
}

/** The report without the span sample, plus the two ranges the sample must cover. */
export function buildGroupReport(
  group: string,
  rows: readonly DriftRollup[],
  r: DriftRanges,
): { report: Omit<DriftGroupReport, "whatChanged">; sides: { basis: "changePoint" | "baseline"; before: SideRange; after: SideRange } } {
  const current = figuresOf(rows, r.startMs, r.endMs);
  const series = bucketSeries(rows, r.startMs, r.endMs, r.bucketMs);
  const reference = bucketSeries(rows, r.previousStartMs, r.startMs, r.bucketMs);
  const costChange = detectChangePoint(
    reference.map((p) => p.costPerRunUsd),
    series.map((p) => p.costPerRunUsd),
  );
  const p95Change = detectChangePoint(
    reference.map((p) => p.p95Ms),
    series.map((p) => p.p95Ms),
  );
  const pivot = costChange ?? p95Change;
  const splitMs = pivot ? r.startMs + pivot.index * r.bucketMs : r.startMs;
  return {
    report: {
      group,
      current,
      previous: compare(current, figuresOf(rows, r.previousStartMs, r.startMs)),
      trailing7d: compare(current, figuresOf(rows, r.trailingStartMs, r.startMs)),
      changePoints: { costPerRun: view(costChange, series), p95Ms: view(p95Change, series) },
      series,
    },
    sides: { basis: pivot ? "changePoint" : "baseline", before: { fromMs: r.previousStartMs, toMs: splitMs }, after: { fromMs: splitMs, toMs: r.endMs } },
  };
}

/** LLM/embedding and tool spans of the sampled runs, counted per (trace, kind, model, tool). */
export type SampleSpanRow = { traceId: string; kind: string; model: string | null; tool: string | null; n: number };

/**
 * Model mix (share of LLM and embedding calls per model) and retries per run of a sample. A retry is
 * a repeated call of the same tool (tool name, else span name) within one trace: a tool called n
 * times in a run counts n − 1 retries, whether the earlier calls failed or not.
 */
export function summariseSample(rows: readonly SampleSpanRow[], sampledRuns: number): Pick<ChangeSide, "modelMix" | "retriesPerRun" | "sampledRuns"> {
  const calls = new Map<string, number>();
  const toolCalls = new Map<string, number>();
  for (const row of rows) {
    if ((row.kind === "llm" || row.kind === "embedding") && row.model !== null) calls.set(row.model, (calls.get(row.model) ?? 0) + row.n);
    if (row.kind === "tool") {
      const key = `${row.traceId}\u0000${row.tool ?? ""}`;
      toolCalls.set(key, (toolCalls.get(key) ?? 0) + row.n);
    }
  }
  const total = [...calls.values()].reduce((a, b) => a + b, 0);
  const modelMix = [...calls].map(([model, n]) => ({ model, calls: n, share: n / total })).sort((a, b) => b.calls - a.calls || (a.model < b.model ? -1 : 1));
  const retries = [...toolCalls.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return { sampledRuns, modelMix, retriesPerRun: sampledRuns > 0 ? retries / sampledRuns : null };
}

/** A "what changed" side: rollup figures of the range plus the sample's model mix and retries. */
export function changeSide(rows: readonly DriftRollup[], range: SideRange, sample: Pick<ChangeSide, "modelMix" | "retriesPerRun" | "sampledRuns">): ChangeSide {
  return { from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString(), ...figuresOf(rows, range.fromMs, range.toMs), ...sample };
}
