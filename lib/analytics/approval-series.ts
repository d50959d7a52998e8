// GET /api/v1/metrics/approvals: its parameters and its points, built from approval rollup rows. Rows of the
// bucket's own size become points directly (counts are exact, p50/p95 wait within 1 %); minute rows of a 5m
// bucket are merged through their histograms. Pure.
import type { Bucket } from "./buckets";
import { alignDown } from "./buckets";
import { mergeApprovalRows, type ApprovalCounts } from "./approval-rollup";
import { paramSchemas, parseMetricsParams, type MetricsSpec, type ParsedMetricsQuery } from "./metrics-params";
import { quantiles, type Bins } from "./sketch";

export const APPROVAL_GROUP_BY = ["action", "agent", "approver"] as const;
export type ApprovalGroupBy = (typeof APPROVAL_GROUP_BY)[number];
export const APPROVAL_BUCKETS = ["1m", "5m", "1h", "1d"] as const satisfies readonly Bucket[];

const APPROVAL_SPEC: MetricsSpec<ApprovalGroupBy> = { buckets: APPROVAL_BUCKETS, groupBys: APPROVAL_GROUP_BY, defaultGroupBy: "action" };
export const APPROVAL_PARAMS = paramSchemas(APPROVAL_SPEC);

/** Parameters of GET /api/v1/metrics/approvals (the rules of the other metrics endpoints). */
export function parseApprovalParams(params: URLSearchParams, nowMs = Date.now()): ParsedMetricsQuery<ApprovalGroupBy> {
  return parseMetricsParams(params, APPROVAL_SPEC, APPROVAL_PARAMS, nowMs);
}

export type ApprovalPoint = {
  bucketStart: string;
  group: string;
  requests: number;
  approved: number;
  rejected: number;
  timedOut: number;
  escalated: number;
  p50WaitMs: number;
  p95WaitMs: number;
};

export type ApprovalRollupRead = ApprovalCounts & { bucketStartMs: number; group: string; maxWaitMs: number; p50WaitMs: number; p95WaitMs: number; bins: Bins };

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

function toPoint(bucketStartMs: number, group: string, c: ApprovalCounts, p50: number, p95: number): ApprovalPoint {
  return {
    bucketStart: new Date(bucketStartMs).toISOString(),
    group,
    requests: c.requests,
    approved: c.approved,
    rejected: c.rejected,
    timedOut: c.timedOut,
    escalated: c.escalated,
    p50WaitMs: roundMs(p50),
    p95WaitMs: roundMs(p95),
  };
}

const byPointOrder = (a: { bucketStartMs: number; group: string }, b: { bucketStartMs: number; group: string }) =>
  a.bucketStartMs - b.bucketStartMs || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);

/** Points ordered by bucket, then group. */
export function buildApprovalSeries(rows: readonly ApprovalRollupRead[], bucketMs: number, rowMs: number): ApprovalPoint[] {
  if (bucketMs === rowMs) return [...rows].sort(byPointOrder).map((r) => toPoint(r.bucketStartMs, r.group, r, r.p50WaitMs, r.p95WaitMs));
  const groups = new Map<string, { bucketStartMs: number; group: string; rows: ApprovalRollupRead[] }>();
  for (const row of rows) {
    const bucketStartMs = alignDown(row.bucketStartMs, bucketMs);
    const id = `${bucketStartMs}\u0000${row.group}`;
    let entry = groups.get(id);
    if (!entry) groups.set(id, (entry = { bucketStartMs, group: row.group, rows: [] }));
    entry.rows.push(row);
  }
  return [...groups.values()].sort(byPointOrder).map((entry) => {
    const total = mergeApprovalRows(entry.rows);
    const [p50, p95] = quantiles(total.bins, [0.5, 0.95], total.maxWaitMs);
    return toPoint(entry.bucketStartMs, entry.group, total, p50 ?? 0, p95 ?? 0);
  });
}

/** One group's approvals over a whole window. */
export type ApprovalSummary = ApprovalCounts & {
  group: string;
  /** Shares of the requests, 0–1. */
  approvalRate: number;
  rejectionRate: number;
  p50WaitMs: number;
  p95WaitMs: number;
};

/** Each group's totals over all its rows (histograms merged), most requests first; `group` "" sums every row. */
export function summariseApprovals(rows: readonly ApprovalRollupRead[], byGroup = true): ApprovalSummary[] {
  const groups = new Map<string, ApprovalRollupRead[]>();
  for (const row of rows) {
    const key = byGroup ? row.group : "";
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups]
    .map(([group, list]) => {
      const t = mergeApprovalRows(list);
      const [p50, p95] = quantiles(t.bins, [0.5, 0.95], t.maxWaitMs);
      return {
        group,
        requests: t.requests,
        approved: t.approved,
        rejected: t.rejected,
        timedOut: t.timedOut,
        escalated: t.escalated,
        waitSumMs: t.waitSumMs,
        approvalRate: t.requests > 0 ? t.approved / t.requests : 0,
        rejectionRate: t.requests > 0 ? t.rejected / t.requests : 0,
        p50WaitMs: roundMs(p50 ?? 0),
        p95WaitMs: roundMs(p95 ?? 0),
      };
    })
    .filter((s) => s.requests > 0)
    .sort((a, b) => b.requests - a.requests || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
