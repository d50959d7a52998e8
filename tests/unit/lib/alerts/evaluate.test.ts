// Alert evaluation: values and baselines per metric, the limit in force, and state transitions.
import { describe, expect, it } from "vitest";
import type { RangeTotals } from "@/lib/analytics/drift-figures";
import { evaluateRule, measure, transitionFor, type Measurement } from "@/lib/alerts/evaluate";
import type { AlertMetric } from "@/lib/alerts/rule-schema";
import { addValue, type Bins } from "@/lib/analytics/sketch";

const HOUR = 3_600_000;
const window = { fromMs: 7 * 24 * HOUR, toMs: 7 * 24 * HOUR + HOUR };
const baselineRange = { fromMs: 0, toMs: 7 * 24 * HOUR };

function totals(runs: number, costUsd: number, errorCount = 0, durations: number[] = []): RangeTotals {
  const bins: Bins = new Map();
  for (const d of durations) addValue(bins, d);
  return { runs, errorCount, llmCallCount: runs, toolCallCount: 0, costUsd, inputTokens: 0, outputTokens: 0, maxMs: Math.max(0, ...durations), bins };
}
const m = (value: number | null, baseline: number | null): Measurement => ({ value, baseline, runs: 1, window, baselineRange });

describe("measure", () => {
  const current = totals(4, 0.2, 1, [100, 200, 300, 1000]);
  const baseline = totals(
    100,
    2,
    2,
    Array.from({ length: 100 }, (_, i) => i + 1),
  );
  it.each<[AlertMetric, number, number]>([
    ["cost_per_run", 0.05, 0.02],
    ["cost_per_hour", 0.2, 2 / 168], // the average hour of the 7 days
    ["error_rate", 0.25, 0.02],
  ])("%s", (metric, value, base) => {
    const result = measure({ metric, minRuns: 1 }, window, current, baselineRange, baseline);
    expect(result.value).toBeCloseTo(value, 15);
    expect(result.baseline).toBeCloseTo(base, 15);
    expect(result.runs).toBe(4);
  });

  it("p95 latency from the histograms, within the sketch's 1 %", () => {
    const result = measure({ metric: "p95_latency_ms", minRuns: 1 }, window, current, baselineRange, baseline);
    expect(Math.abs(result.value! - 1000)).toBeLessThanOrEqual(10); // nearest rank: the 4th of 4
    expect(Math.abs(result.baseline! - 95)).toBeLessThanOrEqual(0.95);
  });

  it("cost per day compares with the average day", () => {
    const day = { fromMs: window.fromMs, toMs: window.fromMs + 24 * HOUR };
    expect(measure({ metric: "cost_per_day", minRuns: 1 }, day, current, baselineRange, baseline).baseline).toBeCloseTo(2 / 7, 15);
  });

  it("loop_rate is the share of runs with a tool loop; wasted_cost_per_hour compares with the average hour", () => {
    const findings = { current: { loopRuns: 1, wastedCostUsd: 0.3 }, baseline: { loopRuns: 5, wastedCostUsd: 1.68 } };
    const loops = measure({ metric: "loop_rate", minRuns: 1 }, window, current, baselineRange, baseline, findings);
    expect([loops.value, loops.baseline]).toEqual([0.25, 0.05]);
    const wasted = measure({ metric: "wasted_cost_per_hour", minRuns: 10 }, window, current, baselineRange, baseline, findings);
    expect(wasted.value).toBe(0.3);
    expect(wasted.baseline).toBeCloseTo(0.01, 15);
    expect(measure({ metric: "loop_rate", minRuns: 5 }, window, current, baselineRange, baseline, findings).value).toBeNull();
  });

  it("has no value below minRuns (spend always has one) and no baseline without history", () => {
    expect(measure({ metric: "cost_per_run", minRuns: 5 }, window, current, baselineRange, baseline).value).toBeNull();
    expect(measure({ metric: "cost_per_hour", minRuns: 5 }, window, totals(0, 0), baselineRange, totals(0, 0))).toMatchObject({ value: 0, baseline: null });
    expect(measure({ metric: "error_rate", minRuns: 1 }, window, totals(0, 0), baselineRange, totals(0, 0))).toMatchObject({ value: null, baseline: null });
  });
});

describe("evaluateRule", () => {
  it.each<[string, number | null, number | null, number | null, number | null, number | null, boolean]>([
    // label, threshold, driftPct, value, baseline → limit, breached
    ["absolute only, above", 0.1, null, 0.2, null, 0.1, true],
    ["absolute only, equal is not above", 0.1, null, 0.1, null, 0.1, false],
    ["drift only, 60 % over a baseline with 50 % allowed", null, 50, 1.6, 1, 1.5, true],
    ["drift only, 40 % over", null, 50, 1.4, 1, 1.5, false],
    ["drift only without baseline: nothing to compare", null, 50, 99, null, null, false],
    ["drift only with a zero baseline: nothing to compare", null, 50, 99, 0, null, false],
    ["both: the lower limit (drift) fires", 10, 50, 2, 1, 1.5, true],
    ["both: the lower limit (absolute) fires", 1.2, 50, 1.3, 1, 1.2, true],
    ["no data never fires", 0, null, null, 1, 0, false],
  ])("%s", (_label, threshold, driftPct, value, baseline, limit, breached) => {
    const e = evaluateRule({ threshold, driftPct }, m(value, baseline));
    expect([e.limit, e.breached]).toEqual([limit, breached]);
  });
});

describe("transitionFor", () => {
  it.each([
    [false, true, false, "fire"],
    [true, true, false, "continue"],
    [true, false, true, "resolve"],
    [false, false, true, "none"],
    // Hysteresis: at or just under the limit a firing rule stays open, a quiet one stays quiet.
    [true, false, false, "continue"],
    [false, false, false, "none"],
  ] as const)("firing %s, breached %s, recovered %s → %s", (isFiring, breached, recovered, transition) => {
    expect(transitionFor(isFiring, { breached, recovered })).toBe(transition);
  });

  it("resolves only 5 % under the limit", () => {
    const at = (value: number | null) => evaluateRule({ threshold: 100, driftPct: null }, m(value, null));
    expect([at(101).breached, at(100).breached, at(100).recovered, at(96).recovered, at(95).recovered, at(null).recovered]).toEqual([
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
