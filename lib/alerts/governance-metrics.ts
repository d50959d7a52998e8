// Alert metrics of the governance views: the share of approval requests rejected, the p95 human wait, and
// the number of model changes. Approval metrics read the approval rollups of the rule's scope (all and task:
// the task dimension; agent; user), a request counting as a run for minRuns. model_change counts the changes
// first seen in the window (scope all or task) and, being an event count, has a value even with no traffic
// and no drift baseline: threshold 0 fires on any change. Pure.
import { quantiles, type Bins } from "@/lib/analytics/sketch";

export const GOVERNANCE_METRICS = ["approval_rejection_rate", "approval_wait_p95_ms", "model_change"] as const;
export type GovernanceMetric = (typeof GOVERNANCE_METRICS)[number];

export const isGovernanceMetric = (metric: string): metric is GovernanceMetric => (GOVERNANCE_METRICS as readonly string[]).includes(metric);

/** What the approval rollups hold for one range. */
export type ApprovalTotals = { requests: number; rejected: number; maxWaitMs: number; bins: Bins };

/** The value of an approval metric over a range; null below `minRuns` requests. */
export function approvalMetricValue(metric: "approval_rejection_rate" | "approval_wait_p95_ms", t: ApprovalTotals, minRuns: number): number | null {
  if (t.requests < Math.max(1, minRuns)) return null;
  if (metric === "approval_rejection_rate") return t.rejected / t.requests;
  return quantiles(t.bins, [0.95], t.maxWaitMs)[0] ?? null;
}

/** Rules on these metrics that the generic checks let through but that cannot work; null when fine. */
export function checkGovernanceRule(rule: {
  metric: string;
  scope: string;
  threshold: number | null;
  driftPct: number | null;
}): { field: string; message: string } | null {
  if (rule.metric === "model_change") {
    if (rule.scope !== "all" && rule.scope !== "task") return { field: "scope", message: "must be all or task for model_change" };
    if (rule.driftPct !== null) return { field: "driftPct", message: "does not apply to model_change: set threshold (0 fires on any change)" };
    if (rule.threshold === null) return { field: "threshold", message: "is required for model_change (0 fires on any change)" };
  }
  if (rule.metric === "approval_rejection_rate" && rule.threshold !== null && rule.threshold > 1) {
    return { field: "threshold", message: "is a fraction for approval_rejection_rate: 0.2 means 20 %" };
  }
  return null;
}
