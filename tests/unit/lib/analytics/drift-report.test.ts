// Drift figures and one group's report from hourly rollup rows: window vs baselines, % changes,
// change points, "what changed" sides, and the sample's model mix and retries.
import { describe, expect, it } from "vitest";
import { bucketSeries, changePct, figuresOf, type DriftRollup } from "@/lib/analytics/drift-figures";
import { buildGroupReport, changeSide, driftRanges, summariseSample } from "@/lib/analytics/drift-report";
import { addValue, encodeBins, type Bins } from "@/lib/analytics/sketch";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-11-21T00:00:00Z */
const T0 = Date.UTC(2026, 10, 21);

/** An hourly row of `runs` runs costing `cost` each, lasting `ms`, with `errors` failed runs. */
function row(hour: number, runs: number, cost: number, ms: number, errors = 0): DriftRollup {
  const bins: Bins = new Map();
  addValue(bins, ms, runs);
  return {
    bucketStartMs: T0 + hour * HOUR,
    count: runs,
    errorCount: errors,
    llmCallCount: 2 * runs,
    toolCallCount: 3 * runs,
    costUsd: runs * cost,
    inputTokens: runs * 1000,
    outputTokens: runs * 100,
    maxMs: ms,
    bins: encodeBins(bins),
  };
}
const hours = (from: number, to: number, make: (h: number) => DriftRollup) => Array.from({ length: to - from }, (_, i) => make(from + i));

describe("figures", () => {
  it("sums a range and derives the ratios", () => {
    const rows = [row(0, 4, 0.01, 100, 1), row(1, 6, 0.02, 300), row(2, 1, 9, 9)];
    const f = figuresOf(rows, T0, T0 + 2 * HOUR);
    expect(f).toMatchObject({ runs: 10, errorRate: 0.1, tokensPerCall: 550, toolCallsPerRun: 3 });
    expect(f.costUsd).toBeCloseTo(0.16, 15);
    expect(f.costPerRunUsd).toBeCloseTo(0.016, 15);
    expect(Math.abs(f.p95Ms! - 300)).toBeLessThanOrEqual(3);
    expect(figuresOf(rows, T0 + 5 * HOUR, T0 + 6 * HOUR)).toEqual({
      runs: 0,
      costUsd: 0,
      costPerRunUsd: null,
      p95Ms: null,
      errorRate: null,
      tokensPerCall: null,
      toolCallsPerRun: null,
    });
  });

  it.each<[number | null, number | null, number | null]>([
    [2, 1, 100],
    [1, 2, -50],
    [1, 0, null],
    [null, 1, null],
    [1, null, null],
    [0, 4, -100],
  ])("changePct(%s, %s) = %s", (current, baseline, pct) => {
    expect(changePct(current, baseline)).toBe(pct);
  });

  it("gives every bucket of the range a point, empty ones included", () => {
    const points = bucketSeries([row(1, 2, 0.5, 10)], T0, T0 + 3 * HOUR, HOUR);
    expect(points.map((p) => [p.bucketStart.slice(11, 13), p.runs, p.costPerRunUsd])).toEqual([
      ["00", 0, null],
      ["01", 2, 0.5],
      ["02", 0, null],
    ]);
  });
});

describe("buildGroupReport", () => {
  // Window: 2026-11-21 (24 h). Previous period: 2026-11-20. Trailing 7 days: 11-14 … 11-20.
  const ranges = driftRanges(T0, T0 + DAY, "1h");
  const trailing = hours(-7 * 24, -24, (h) => row(h, 2, 0.004, 500));
  const previous = hours(-24, 0, (h) => row(h, 2, 0.01, 1000));

  it("places the window and its baselines", () => {
    expect(ranges).toEqual({ startMs: T0, endMs: T0 + DAY, bucketMs: HOUR, previousStartMs: T0 - DAY, trailingStartMs: T0 - 7 * DAY });
  });

  it("finds a step in cost per run at its bucket and compares before vs after it", () => {
    const window = hours(0, 24, (h) => row(h, 2, h < 15 ? 0.01 : 0.03, 1000));
    const { report, sides } = buildGroupReport("summarise", [...trailing, ...previous, ...window], ranges);
    expect(report.current.runs).toBe(48);
    expect(report.current.costPerRunUsd).toBeCloseTo((30 * 0.01 + 18 * 0.03) / 48, 15);
    expect(report.previous.change.costPerRunPct).toBe(75); // 0.0175 vs 0.01
    expect(report.trailing7d.costPerRunUsd).toBeCloseTo((288 * 0.004 + 48 * 0.01) / 336, 15); // 6 days at 0.004, 1 at 0.01
    expect(report.previous.change.p95Pct).toBe(0);
    expect(report.changePoints.costPerRun).toMatchObject({ bucketStart: "2026-11-21T15:00:00.000Z", index: 15, direction: "up", changePct: 200 });
    expect(report.changePoints.p95Ms).toBeNull();
    expect(report.series).toHaveLength(24);
    expect(sides).toEqual({ basis: "changePoint", before: { fromMs: T0 - DAY, toMs: T0 + 15 * HOUR }, after: { fromMs: T0 + 15 * HOUR, toMs: T0 + DAY } });
    const after = changeSide([...previous, ...window], sides.after, summariseSample([], 0));
    expect(after).toMatchObject({
      from: "2026-11-21T15:00:00.000Z",
      to: "2026-11-22T00:00:00.000Z",
      runs: 18,
      sampledRuns: 0,
      modelMix: [],
      retriesPerRun: null,
    });
    expect(after.costPerRunUsd).toBeCloseTo(0.03, 15);
  });

  it("falls back to the latency change point, then to previous vs window", () => {
    const slower = hours(0, 24, (h) => row(h, 2, 0.01, h < 6 ? 1000 : 2500));
    expect(buildGroupReport("t", [...previous, ...slower], ranges)).toMatchObject({
      report: { changePoints: { costPerRun: null, p95Ms: { index: 6, direction: "up" } } },
      sides: { basis: "changePoint", after: { fromMs: T0 + 6 * HOUR } },
    });
    const flat = hours(0, 24, (h) => row(h, 2, 0.01, 1000));
    expect(buildGroupReport("t", [...previous, ...flat], ranges).sides).toEqual({
      basis: "baseline",
      before: { fromMs: T0 - DAY, toMs: T0 },
      after: { fromMs: T0, toMs: T0 + DAY },
    });
  });
});

describe("summariseSample", () => {
  it("shares LLM calls per model and counts repeated tool calls within a trace as retries", () => {
    const rows = [
      { traceId: "a", kind: "llm", model: "gpt-4o", tool: "chat", n: 3 },
      { traceId: "a", kind: "llm", model: "gpt-4o-mini", tool: "chat", n: 1 },
      { traceId: "b", kind: "embedding", model: "gpt-4o-mini", tool: "embed", n: 2 },
      { traceId: "b", kind: "llm", model: null, tool: "chat", n: 5 },
      { traceId: "a", kind: "tool", model: null, tool: "search", n: 3 },
      { traceId: "b", kind: "tool", model: null, tool: "search", n: 1 },
      { traceId: "b", kind: "tool", model: null, tool: "fetch", n: 2 },
    ];
    expect(summariseSample(rows, 4)).toEqual({
      sampledRuns: 4,
      modelMix: [
        { model: "gpt-4o", calls: 3, share: 0.5 },
        { model: "gpt-4o-mini", calls: 3, share: 0.5 },
      ],
      retriesPerRun: 3 / 4, // search twice more in a, fetch once more in b
    });
  });
});
