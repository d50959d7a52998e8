import "server-only";
// The approvals dashboard: requests by decision over time, rejection rate and human wait per action, agent
// or approver, and each group's figures over the window. Everything from the approval rollups kept at ingest.
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF, type Bucket } from "@/lib/analytics/buckets";
import { APPROVAL_BUCKETS, buildApprovalSeries, summariseApprovals, type ApprovalGroupBy, type ApprovalSummary } from "@/lib/analytics/approval-series";
import { buildSeries, pickChartBucket, pivotTimeSeries, rankGroups } from "@/lib/analytics/dashboard-shape";
import type { TimeSeriesData, TraceLinkFilter } from "@/lib/format/chart";
import type { ProjectScope } from "@/lib/data/scope";
import { readApprovalRollups } from "@/lib/data/governance/approval-metrics";
import type { DashboardWindow } from "./dashboard-window";

const OVERVIEW_GROUPS = 8;
const DECISIONS = [
  { key: "approved", label: "approved", color: "#10b981" },
  { key: "rejected", label: "rejected", color: "#f43f5e" },
  { key: "timedOut", label: "timed out", color: "#f59e0b" },
  { key: "escalated", label: "escalated", color: "#0ea5e9" },
] as const;

export type ApprovalsDashboard = {
  bucket: Bucket;
  startMs: number;
  endMs: number;
  totals: ApprovalSummary | null;
  decisions: TimeSeriesData;
  rejectionRate: TimeSeriesData;
  p95Wait: TimeSeriesData;
  groups: ApprovalSummary[];
};

/** Everything the approvals page shows for `window`, grouped by `groupBy`. */
export async function getApprovalsDashboard(scope: ProjectScope, window: DashboardWindow, groupBy: ApprovalGroupBy): Promise<ApprovalsDashboard> {
  const bucket = pickChartBucket(window.fromMs, window.toMs, APPROVAL_BUCKETS);
  const bucketMs = BUCKET_MS[bucket];
  const granularity = GRANULARITY_OF[bucket];
  const { startMs, endMs } = bucketSpan(window.fromMs, window.toMs, bucket);
  // Every approval has exactly one task: the task rows add up to all approvals.
  const [grouped, all] = await Promise.all([
    readApprovalRollups(scope, { dimension: groupBy, granularity, startMs, endMs }),
    readApprovalRollups(scope, { dimension: "task", granularity, startMs, endMs }),
  ]);
  const rowMs = GRANULARITY_MS[granularity];
  const points = buildApprovalSeries(grouped, bucketMs, rowMs);
  const totalPoints = buildApprovalSeries(
    all.map((r) => ({ ...r, group: "" })),
    bucketMs,
    rowMs,
  );
  const pivot = { startMs, endMs, bucketMs };
  const decisionSeries = DECISIONS.map((d) => ({
    key: d.key,
    label: d.label,
    color: d.color,
    // The trace list has no decision filter: a click opens the bucket's traces.
    filter: {} satisfies TraceLinkFilter,
  }));
  const decisions = pivotTimeSeries(
    totalPoints.flatMap((p) => DECISIONS.map((d) => ({ bucketStart: p.bucketStart, label: d.label, value: p[d.key] }))),
    { ...pivot, series: decisionSeries, seriesOf: (c) => c.label, value: (c) => c.value, empty: 0 },
  );
  const ranked = rankGroups(points, (p) => p.requests, OVERVIEW_GROUPS);
  // Of the three groupings only the agent is a trace-list filter; the others open the bucket's traces.
  const series = buildSeries(ranked, (group): TraceLinkFilter => (groupBy === "agent" ? { agent: group } : {}));
  const rejectionRate = pivotTimeSeries(points, {
    ...pivot,
    series,
    seriesOf: (p) => p.group,
    value: (p) => (p.requests > 0 ? (p.rejected / p.requests) * 100 : null),
    empty: null,
  });
  const p95Wait = pivotTimeSeries(points, { ...pivot, series, seriesOf: (p) => p.group, value: (p) => p.p95WaitMs, empty: null });
  return {
    bucket,
    startMs,
    endMs,
    totals: summariseApprovals(all, false)[0] ?? null,
    decisions,
    rejectionRate,
    p95Wait,
    groups: summariseApprovals(grouped),
  };
}
