import "server-only";
// The drift dashboard: each task or agent's cost per run and p95 latency against its baselines, and
// for one selected group, the series with the change point and the "what changed" comparison. The
// figures are lib/data/analytics/drift.ts's (GET /api/v1/drift); this module only shapes them for charts.
// Only the shown group's "what changed" is computed: it samples spans, the rest are rollup reads.
import { BUCKET_MS } from "@/lib/analytics/buckets";
import { DRIFT_BUCKETS, type DriftBucket, type DriftGroupBy } from "@/lib/analytics/drift-params";
import type { ChangePointView, ChangeSide, DriftGroupReport } from "@/lib/analytics/drift-report";
import type { TimeSeriesData, TraceLinkFilter } from "@/lib/format/chart";
import { getDriftOverview } from "@/lib/data/analytics/drift";
import type { ProjectScope } from "@/lib/data/scope";
import { buildSeries, pickChartBucket, pivotTimeSeries } from "@/lib/analytics/dashboard-shape";
import type { DashboardWindow } from "./dashboard-window";

/** Groups listed in the table: the costliest ones. */
const MAX_GROUPS = 30;

export type DriftMarker = { t: number; label: string };
export type DriftRow = {
  group: string;
  runs: number;
  costPerRunUsd: number | null;
  costVsPreviousPct: number | null;
  costVsTrailingPct: number | null;
  p95Ms: number | null;
  p95VsPreviousPct: number | null;
  p95VsTrailingPct: number | null;
  errorRate: number | null;
  /** Where a level shift was found: cost wins over latency, as in "what changed". */
  shift: { metric: "cost per run" | "p95"; at: string; changePct: number | null; direction: "up" | "down" } | null;
};
export type DriftDetail = {
  group: string;
  costPerRun: TimeSeriesData;
  p95: TimeSeriesData;
  costMarker: DriftMarker | null;
  p95Marker: DriftMarker | null;
  baseline: { previousCostPerRunUsd: number | null; trailingCostPerRunUsd: number | null; previousP95Ms: number | null; trailingP95Ms: number | null };
  whatChanged: { basis: "changePoint" | "baseline"; before: ChangeSide; after: ChangeSide };
};
export type DriftDashboard = { bucket: DriftBucket; bucketMs: number; rows: DriftRow[]; groupCount: number; detail: DriftDetail | null };

/** The drift of every task or agent in `window`, with the detail of `selected` (default: the first shifted, else the costliest). */
export async function getDriftDashboard(scope: ProjectScope, window: DashboardWindow, groupBy: DriftGroupBy, selected?: string): Promise<DriftDashboard> {
  const bucket = pickChartBucket(window.fromMs, window.toMs, DRIFT_BUCKETS);
  const answer = await getDriftOverview(
    scope,
    { fromMs: window.fromMs, toMs: window.toMs, bucket, groupBy },
    (reports) => reports.find((r) => r.group === selected) ?? reports.find((r) => r.changePoints.costPerRun ?? r.changePoints.p95Ms) ?? reports[0],
  );
  const reports = answer.data;
  const chosen = answer.picked;
  return {
    bucket,
    bucketMs: BUCKET_MS[bucket],
    rows: reports.slice(0, MAX_GROUPS).map(toRow),
    groupCount: reports.length,
    detail: chosen ? toDetail(chosen, groupBy, BUCKET_MS[bucket], Date.parse(answer.window.from), Date.parse(answer.window.to)) : null,
  };
}

function toRow(r: Omit<DriftGroupReport, "whatChanged">): DriftRow {
  const cost = r.changePoints.costPerRun;
  const p95 = r.changePoints.p95Ms;
  const shift = cost ? { metric: "cost per run" as const, cp: cost } : p95 ? { metric: "p95" as const, cp: p95 } : null;
  return {
    group: r.group,
    runs: r.current.runs,
    costPerRunUsd: r.current.costPerRunUsd,
    costVsPreviousPct: r.previous.change.costPerRunPct,
    costVsTrailingPct: r.trailing7d.change.costPerRunPct,
    p95Ms: r.current.p95Ms,
    p95VsPreviousPct: r.previous.change.p95Pct,
    p95VsTrailingPct: r.trailing7d.change.p95Pct,
    errorRate: r.current.errorRate,
    shift: shift ? { metric: shift.metric, at: shift.cp.bucketStart, changePct: shift.cp.changePct, direction: shift.cp.direction } : null,
  };
}

const marker = (cp: ChangePointView | null): DriftMarker | null =>
  cp
    ? { t: Date.parse(cp.bucketStart), label: `Change point${cp.changePct === null ? "" : ` ${cp.changePct > 0 ? "+" : ""}${Math.round(cp.changePct)} %`}` }
    : null;

function toDetail(r: DriftGroupReport, groupBy: DriftGroupBy, bucketMs: number, startMs: number, endMs: number): DriftDetail {
  const filter: TraceLinkFilter = groupBy === "task" ? { name: r.group } : { agent: r.group };
  const pivot = { startMs, endMs, bucketMs, empty: null, seriesOf: () => r.group } as const;
  const series = (sort: "cost" | "duration") => buildSeries([r.group], () => ({ ...filter, sort }));
  return {
    group: r.group,
    costPerRun: pivotTimeSeries(r.series, { ...pivot, series: series("cost"), value: (p) => p.costPerRunUsd }),
    p95: pivotTimeSeries(r.series, { ...pivot, series: series("duration").map((s) => ({ ...s, color: "#f59e0b" })), value: (p) => p.p95Ms }),
    costMarker: marker(r.changePoints.costPerRun),
    p95Marker: marker(r.changePoints.p95Ms),
    baseline: {
      previousCostPerRunUsd: r.previous.costPerRunUsd,
      trailingCostPerRunUsd: r.trailing7d.costPerRunUsd,
      previousP95Ms: r.previous.p95Ms,
      trailingP95Ms: r.trailing7d.p95Ms,
    },
    whatChanged: r.whatChanged,
  };
}
