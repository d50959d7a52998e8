import "server-only";
// What an alert rule measures, read from the ingest-time rollups (never spans): its window and the
// 7 days before, each covered by day, hour and minute rows (lib/alerts/window.ts), and a few example
// traces of the window for the notification.
import type { Prisma } from "@/prisma/generated/sqlite/index";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { DIMENSIONS, type Dimension } from "@/lib/analytics/dimensions";
import { sumRange, type DriftRollup, type RangeTotals } from "@/lib/analytics/drift-figures";
import { measure, type FindingTotals, type Measurement } from "@/lib/alerts/evaluate";
import { readFindingTotals } from "@/lib/data/findings/alert-findings";
import { isScoreMetric, type AlertRuleConfig, type AlertScope } from "@/lib/alerts/rule-schema";
import { measureScoreRule } from "./score-measurements";
import { foldPendingRollups } from "@/lib/data/analytics/rollup-fold";
import { baselineRange, evaluationWindow, planSegments, type TimeRange } from "@/lib/alerts/window";
import { isGovernanceMetric } from "@/lib/alerts/governance-metrics";
import { listGovernanceExamples, measureGovernanceRule } from "@/lib/data/governance/alert-governance";

/** "all" sums every task's rows: each trace has exactly one name. */
const SCOPE_DIMENSION = { all: "trace.name", task: "trace.name", agent: "trace.agent", user: "trace.user" } as const satisfies Record<AlertScope, Dimension>;
/** The trace-table column of each scope, for example traces. */
const SCOPE_COLUMN = { task: "name", agent: "agentName", user: "userId" } as const;
const EXAMPLE_TRACES = 5;

type Scoped = Pick<AlertRuleConfig, "metric" | "scope" | "scopeValue">;

async function readTotals(scope: ProjectScope, rule: Scoped, range: TimeRange): Promise<{ range: TimeRange; totals: RangeTotals }> {
  const dimension = SCOPE_DIMENSION[rule.scope];
  const plan = planSegments(range, DIMENSIONS[dimension].granularities);
  // Histograms are the bulk of a row: only the latency metric needs them.
  const withBins = rule.metric === "p95_latency_ms";
  await foldPendingRollups(scope.projectId);
  const rows = await getPrisma().metricRollup.findMany({
    where: {
      projectId: scope.projectId,
      dimension,
      ...(rule.scope === "all" ? {} : { groupKey: rule.scopeValue ?? "" }),
      count: { gt: 0 },
      OR: plan.segments.map((s) => ({ granularity: s.granularity, bucketStartMs: { gte: BigInt(s.fromMs), lt: BigInt(s.toMs) } })),
    },
    select: {
      bucketStartMs: true,
      count: true,
      errorCount: true,
      llmCallCount: true,
      toolCallCount: true,
      costUsd: true,
      inputTokens: true,
      outputTokens: true,
      maxMs: true,
      bins: withBins,
    },
  });
  const rollups: DriftRollup[] = rows.map((r) => ({
    bucketStartMs: Number(r.bucketStartMs),
    count: r.count,
    errorCount: r.errorCount,
    llmCallCount: r.llmCallCount,
    toolCallCount: r.toolCallCount,
    costUsd: r.costUsd,
    inputTokens: Number(r.inputTokens),
    outputTokens: Number(r.outputTokens),
    maxMs: r.maxMs,
    bins: withBins ? (r.bins ?? "{}") : "{}",
  }));
  return { range: plan.range, totals: sumRange(rollups, plan.range.fromMs, plan.range.toMs) };
}

/** The rule's value over its window ending at `nowMs`, and its baseline. */
export async function measureRule(
  scope: ProjectScope,
  rule: Scoped & Pick<AlertRuleConfig, "windowMinutes" | "minRuns" | "scoreName">,
  nowMs: number,
): Promise<Measurement> {
  if (isGovernanceMetric(rule.metric)) return measureGovernanceRule(scope, rule, nowMs);
  if (isScoreMetric(rule.metric)) return measureScoreRule(scope, { ...rule, scoreName: rule.scoreName ?? "" }, nowMs);
  const current = await readTotals(scope, rule, evaluationWindow(nowMs, rule.windowMinutes));
  const baseline = await readTotals(scope, rule, baselineRange(current.range));
  let findings: { current: FindingTotals; baseline: FindingTotals } | undefined;
  if (rule.metric === "loop_rate" || rule.metric === "wasted_cost_per_hour") {
    findings = { current: await readFindingTotals(scope, rule, current.range), baseline: await readFindingTotals(scope, rule, baseline.range) };
  }
  return measure(rule, current.range, current.totals, baseline.range, baseline.totals, findings);
}

const ns = (ms: number) => BigInt(ms) * 1_000_000n;

/** The window's worst traces for the metric: most expensive, slowest, or the latest failures. */
export async function listExampleTraces(scope: ProjectScope, rule: Scoped, window: TimeRange): Promise<string[]> {
  if (isGovernanceMetric(rule.metric)) return listGovernanceExamples(scope, rule, window);
  const scoped = rule.scope === "all" ? {} : { [SCOPE_COLUMN[rule.scope]]: rule.scopeValue ?? "" };
  const where: Prisma.TraceWhereInput = { projectId: scope.projectId, ...scoped, startNs: { gte: ns(window.fromMs), lt: ns(window.toMs) } };
  if (rule.metric === "error_rate") where.status = "error";
  if (rule.metric === "loop_rate") where.toolLoopCount = { gt: 0 };
  if (rule.metric === "wasted_cost_per_hour") where.OR = [{ toolLoopCount: { gt: 0 } }, { agentCycleCount: { gt: 0 } }, { repeatedLlmCallCount: { gt: 0 } }];
  const orderBy: Prisma.TraceOrderByWithRelationInput[] =
    rule.metric === "p95_latency_ms"
      ? [{ durationMs: "desc" }, { traceId: "asc" }]
      : rule.metric === "error_rate" || rule.metric === "loop_rate"
        ? [{ startNs: "desc" }, { traceId: "asc" }]
        : [{ costUsd: { sort: "desc", nulls: "last" } }, { traceId: "asc" }];
  const rows = await getPrisma().trace.findMany({ where, orderBy, take: EXAMPLE_TRACES, select: { traceId: true } });
  return rows.map((r) => r.traceId);
}
