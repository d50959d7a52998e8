import "server-only";
// What a score_mean or score_pass_rate rule measures: one score's sums over the window and the 7 days
// before, read from the score rollups (hour and day rows, so the window widens to whole hours), for all
// traces (the per-name rows) or one task or agent.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { measureScores, type Measurement, type ScoreTotals } from "@/lib/alerts/evaluate";
import type { AlertRuleConfig } from "@/lib/alerts/rule-schema";
import { baselineRange, evaluationWindow, planSegments, type TimeRange } from "@/lib/alerts/window";

type ScoreRule = Pick<AlertRuleConfig, "metric" | "scope" | "scopeValue" | "windowMinutes" | "minRuns"> & { scoreName: string };

async function readScoreTotals(scope: ProjectScope, rule: ScoreRule, range: TimeRange): Promise<{ range: TimeRange; totals: ScoreTotals }> {
  const plan = planSegments(range, ["1h", "1d"]);
  if (plan.segments.length === 0) return { range: plan.range, totals: { count: 0, valueCount: 0, valueSum: 0, passCount: 0 } };
  const dimension = rule.scope === "all" ? "name" : rule.scope;
  const groupKey = rule.scope === "all" ? rule.scoreName : (rule.scopeValue ?? "");
  const segments = plan.segments.map(() => `("granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ?)`).join(" OR ");
  const [row] = await getSql().query(
    `SELECT COALESCE(SUM("count"), 0) AS "count", COALESCE(SUM("valueCount"), 0) AS "valueCount", COALESCE(SUM("valueSum"), 0) AS "valueSum",
            COALESCE(SUM("passCount"), 0) AS "passCount"
     FROM "score_rollups" WHERE "projectId" = ? AND "dimension" = ? AND "groupKey" = ? AND "name" = ? AND (${segments})`,
    [scope.projectId, dimension, groupKey, rule.scoreName, ...plan.segments.flatMap((s) => [s.granularity, BigInt(s.fromMs), BigInt(s.toMs)])],
  );
  return {
    range: plan.range,
    totals: { count: Number(row?.count ?? 0), valueCount: Number(row?.valueCount ?? 0), valueSum: Number(row?.valueSum ?? 0), passCount: Number(row?.passCount ?? 0) },
  };
}

/** The rule's mean or pass rate over its window ending at `nowMs`, and its 7-day baseline. */
export async function measureScoreRule(scope: ProjectScope, rule: ScoreRule, nowMs: number): Promise<Measurement> {
  const current = await readScoreTotals(scope, rule, evaluationWindow(nowMs, rule.windowMinutes));
  const baseline = await readScoreTotals(scope, rule, baselineRange(current.range));
  return measureScores(rule, current.range, current.totals, baseline.range, baseline.totals);
}
