import { describe, expect, it } from "vitest";
import { evaluateRule, measureScores } from "@/lib/alerts/evaluate";
import { resolveRuleConfig } from "@/lib/alerts/rule-schema";

const window = { fromMs: 0, toMs: 3_600_000 };
const baselineRange = { fromMs: -7 * 86_400_000, toMs: 0 };
const totals = (count: number, valueSum: number, passCount: number, valueCount = count) => ({ count, valueCount, valueSum, passCount });

describe("score alert rules", () => {
  it("measure the mean and the pass rate of one score, no data below minRuns", () => {
    expect(measureScores({ metric: "score_mean", minRuns: 1 }, window, totals(4, 2, 1), baselineRange, totals(10, 9, 9))).toMatchObject({
      value: 0.5,
      baseline: 0.9,
      runs: 4,
    });
    expect(measureScores({ metric: "score_pass_rate", minRuns: 1 }, window, totals(4, 2, 1), baselineRange, totals(0, 0, 0))).toMatchObject({
      value: 0.25,
      baseline: null,
    });
    expect(measureScores({ metric: "score_mean", minRuns: 5 }, window, totals(4, 2, 1), baselineRange, totals(0, 0, 0)).value).toBeNull();
  });

  it("fire when the value falls below the threshold or driftPct % below the baseline, and recover above it", () => {
    const m = (value: number | null, baseline: number | null) => ({ value, baseline, runs: 10, window, baselineRange });
    expect(evaluateRule({ metric: "score_mean", threshold: 0.8, driftPct: null }, m(0.7, null))).toMatchObject({
      limit: 0.8,
      breached: true,
      recovered: false,
    });
    expect(evaluateRule({ metric: "score_mean", threshold: 0.8, driftPct: null }, m(0.9, null))).toMatchObject({ breached: false, recovered: true });
    expect(evaluateRule({ metric: "score_mean", threshold: 0.8, driftPct: null }, m(0.82, null))).toMatchObject({ breached: false, recovered: false });
    expect(evaluateRule({ metric: "score_pass_rate", threshold: null, driftPct: 10 }, m(0.8, 0.95))).toMatchObject({ breached: true });
    expect(evaluateRule({ metric: "score_pass_rate", threshold: null, driftPct: 10 }, m(0.9, 0.95))).toMatchObject({ breached: false });
    // The same figures on a cost metric: above is bad.
    expect(evaluateRule({ metric: "cost_per_run", threshold: 0.8, driftPct: null }, m(0.7, null)).breached).toBe(false);
  });

  it("need a score name, and refuse it on other metrics and per-user scopes", () => {
    expect(resolveRuleConfig({ name: "q", metric: "score_mean", threshold: 0.8 })).toMatchObject({ ok: false, field: "scoreName" });
    expect(resolveRuleConfig({ name: "q", metric: "cost_per_run", threshold: 1, scoreName: "accuracy" })).toMatchObject({ ok: false, field: "scoreName" });
    expect(resolveRuleConfig({ name: "q", metric: "score_mean", threshold: 0.8, scoreName: "a", scope: "user", scopeValue: "u" })).toMatchObject({
      ok: false,
      field: "scope",
    });
    expect(resolveRuleConfig({ name: "q", metric: "score_pass_rate", threshold: 90, scoreName: "a" })).toMatchObject({ ok: false, field: "threshold" });
    const ok = resolveRuleConfig({ name: "q", metric: "score_pass_rate", threshold: 0.9, scoreName: "accuracy", scope: "task", scopeValue: "refund" });
    expect(ok).toMatchObject({ ok: true, config: { scoreName: "accuracy", scope: "task" } });
  });
});
