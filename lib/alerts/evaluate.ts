// Alert evaluation: rollup totals of a window and its baseline → the rule's value and baseline, then
// whether the rule is breached and what that does to its state. Pure: the scheduler and the
// "evaluate now" endpoint feed it, lib/data/alerts/alert-store.ts applies the transition.
//
// - A rule is breached when its value is above its limit: the absolute threshold, or the baseline
//   raised by driftPct %, whichever is lower when both are set (either one firing is enough).
// - The drift condition needs a baseline above 0: a task with no history, or no errors in 7 days,
//   cannot be "50 % above" anything, so only the absolute threshold can fire it.
// - No data (fewer runs than minRuns; spend metrics always have a value) is not a breach: an open
//   incident resolves when its traffic stops.
// - loop_rate is the share of the window's runs with a tool loop; wasted_cost_per_hour the cost the
//   window's findings wasted, a spend metric like cost_per_hour. Both read the findings rollups
//   (FindingTotals), counted by the trace's start like the runs.
// - Hysteresis: a firing rule resolves only once its value is RECOVERY_MARGIN (5 %) under the limit,
//   so a value hovering at the limit does not open and close an incident at every evaluation.
import { toFigures, type RangeTotals } from "@/lib/analytics/drift-figures";
import type { AlertMetric, AlertRuleConfig } from "./rule-schema";
import type { TimeRange } from "./window";

/** What the findings rollups hold for a range: runs with a tool loop, and the cost findings wasted. */
export type FindingTotals = { loopRuns: number; wastedCostUsd: number };

const NO_FINDINGS: FindingTotals = { loopRuns: 0, wastedCostUsd: 0 };

export type Measurement = {
  value: number | null;
  baseline: number | null;
  runs: number;
  window: TimeRange;
  baselineRange: TimeRange;
};

export type Evaluation = Measurement & {
  /** The lowest configured limit in force (null when none applies, e.g. drift-only without baseline). */
  limit: number | null;
  breached: boolean;
  /** Clearly back under the limit (or no data): what it takes to resolve a firing rule. */
  recovered: boolean;
};

/** How far under its limit a firing rule's value must fall to resolve. */
export const RECOVERY_MARGIN = 0.05;

/** What an evaluation does to a rule: open an incident, close it, keep it open, or nothing. */
export type Transition = "fire" | "resolve" | "continue" | "none";

function valueOf(metric: AlertMetric, t: RangeTotals, findings: FindingTotals): number | null {
  const f = toFigures(t);
  switch (metric) {
    case "cost_per_run":
      return f.costPerRunUsd;
    case "cost_per_hour":
    case "cost_per_day":
      return f.costUsd;
    case "p95_latency_ms":
      return f.p95Ms;
    case "error_rate":
      return f.errorRate;
    case "loop_rate":
      return t.runs > 0 ? Math.min(1, findings.loopRuns / t.runs) : null;
    case "wasted_cost_per_hour":
      return Math.max(0, findings.wastedCostUsd);
  }
}

/** The rule's value over the window and its baseline over the 7 days before. */
export function measure(
  rule: Pick<AlertRuleConfig, "metric" | "minRuns">,
  window: TimeRange,
  current: RangeTotals,
  baselineRange: TimeRange,
  baseline: RangeTotals,
  findings: { current: FindingTotals; baseline: FindingTotals } = { current: NO_FINDINGS, baseline: NO_FINDINGS },
): Measurement {
  const isSpend = rule.metric === "cost_per_hour" || rule.metric === "cost_per_day" || rule.metric === "wasted_cost_per_hour";
  const value = isSpend || current.runs >= rule.minRuns ? valueOf(rule.metric, current, findings.current) : null;
  let base = baseline.runs > 0 ? valueOf(rule.metric, baseline, findings.baseline) : null;
  // Spend is compared with the average spend of a window's length over the baseline days.
  if (isSpend && base !== null) base *= (window.toMs - window.fromMs) / (baselineRange.toMs - baselineRange.fromMs);
  return { value, baseline: base, runs: current.runs, window, baselineRange };
}

/** The limit in force and whether the value is above it. */
export function evaluateRule(rule: Pick<AlertRuleConfig, "threshold" | "driftPct">, m: Measurement): Evaluation {
  const limits: number[] = [];
  if (rule.threshold !== null) limits.push(rule.threshold);
  if (rule.driftPct !== null && m.baseline !== null && m.baseline > 0) limits.push(m.baseline * (1 + rule.driftPct / 100));
  const limit = limits.length ? Math.min(...limits) : null;
  const breached = m.value !== null && limit !== null && m.value > limit;
  const recovered = m.value === null || limit === null || m.value <= limit * (1 - RECOVERY_MARGIN);
  return { ...m, limit, breached, recovered };
}

/** The state change an evaluation makes: a firing rule stays open until it has recovered. */
export function transitionFor(isFiring: boolean, { breached, recovered }: Pick<Evaluation, "breached" | "recovered">): Transition {
  if (!isFiring) return breached ? "fire" : "none";
  return recovered ? "resolve" : "continue";
}
