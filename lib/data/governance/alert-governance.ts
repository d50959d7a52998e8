import "server-only";
// What an alert rule on a governance metric measures (lib/alerts/governance-metrics.ts): approval metrics
// from the approval rollups of its window and of the 7 days before, covered by day, hour and minute rows
// like the other metrics; model changes from the first sightings kept at ingest. Example traces for the
// notification: rejected approvals, the longest waits, or the first traces of the new models.
import { approvalMetricValue, type ApprovalTotals } from "@/lib/alerts/governance-metrics";
import type { Measurement } from "@/lib/alerts/evaluate";
import type { AlertRuleConfig, AlertScope } from "@/lib/alerts/rule-schema";
import { baselineRange, evaluationWindow, planSegments, type TimeRange } from "@/lib/alerts/window";
import { APPROVAL_GRANULARITIES, type ApprovalDimension } from "@/lib/analytics/approval-rollup";
import { decodeBins, mergeBins } from "@/lib/analytics/sketch";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { listModelChanges } from "./model-changes";

type Rule = Pick<AlertRuleConfig, "metric" | "scope" | "scopeValue" | "windowMinutes" | "minRuns">;

/** "all" sums every task's rows: each approval belongs to exactly one task. */
const SCOPE_DIMENSION = { all: "task", task: "task", agent: "agent", user: "user" } as const satisfies Record<AlertScope, ApprovalDimension>;
const EXAMPLE_TRACES = 5;
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

async function approvalTotals(scope: ProjectScope, rule: Rule, range: TimeRange): Promise<{ range: TimeRange; totals: ApprovalTotals }> {
  const plan = planSegments(range, APPROVAL_GRANULARITIES);
  const rows = await getPrisma().approvalRollup.findMany({
    where: {
      projectId: scope.projectId,
      dimension: SCOPE_DIMENSION[rule.scope],
      ...(rule.scope === "all" ? {} : { groupKey: rule.scopeValue ?? "" }),
      requests: { gt: 0 },
      OR: plan.segments.map((s) => ({ granularity: s.granularity, bucketStartMs: { gte: BigInt(s.fromMs), lt: BigInt(s.toMs) } })),
    },
    select: { requests: true, rejected: true, maxWaitMs: true, bins: true },
  });
  const totals: ApprovalTotals = { requests: 0, rejected: 0, maxWaitMs: 0, bins: new Map() };
  for (const row of rows) {
    totals.requests += row.requests;
    totals.rejected += row.rejected;
    totals.maxWaitMs = Math.max(totals.maxWaitMs, row.maxWaitMs);
    mergeBins(totals.bins, decodeBins(row.bins));
  }
  return { range: plan.range, totals };
}

/** The rule's value over its window ending at `nowMs`, and its baseline. */
export async function measureGovernanceRule(scope: ProjectScope, rule: Rule, nowMs: number): Promise<Measurement> {
  const window = evaluationWindow(nowMs, rule.windowMinutes);
  if (rule.metric === "model_change") {
    const task = rule.scope === "task" ? (rule.scopeValue ?? "") : undefined;
    const changes = await listModelChanges(scope, { fromMs: window.fromMs, toMs: window.toMs, task });
    return { value: changes.length, baseline: null, runs: changes.length, window, baselineRange: baselineRange(window) };
  }
  const metric = rule.metric === "approval_wait_p95_ms" ? "approval_wait_p95_ms" : "approval_rejection_rate";
  const current = await approvalTotals(scope, rule, window);
  const baseline = await approvalTotals(scope, rule, baselineRange(current.range));
  return {
    value: approvalMetricValue(metric, current.totals, rule.minRuns),
    baseline: approvalMetricValue(metric, baseline.totals, 1),
    runs: current.totals.requests,
    window: current.range,
    baselineRange: baseline.range,
  };
}

/** Traces to show with a firing rule. */
export async function listGovernanceExamples(scope: ProjectScope, rule: Pick<Rule, "metric" | "scope" | "scopeValue">, window: TimeRange): Promise<string[]> {
  if (rule.metric === "model_change") {
    const task = rule.scope === "task" ? (rule.scopeValue ?? "") : undefined;
    const changes = await listModelChanges(scope, { fromMs: window.fromMs, toMs: window.toMs, task });
    return [...new Set(changes.map((c) => c.firstTraceId))].slice(0, EXAMPLE_TRACES);
  }
  const column = { all: null, task: "task", agent: "agentName", user: "userId" } as const;
  const scoped = column[rule.scope] ? { [column[rule.scope]!]: rule.scopeValue ?? "" } : {};
  const rows = await getPrisma().approval.findMany({
    where: {
      projectId: scope.projectId,
      ...scoped,
      startNs: { gte: ns(window.fromMs), lt: ns(window.toMs) },
      ...(rule.metric === "approval_rejection_rate" ? { decision: "rejected" } : {}),
    },
    orderBy: rule.metric === "approval_rejection_rate" ? [{ startNs: "desc" }] : [{ waitMs: "desc" }],
    take: EXAMPLE_TRACES * 4,
    select: { traceId: true },
  });
  return [...new Set(rows.map((r) => r.traceId))].slice(0, EXAMPLE_TRACES);
}
