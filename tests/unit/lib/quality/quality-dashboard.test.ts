import { describe, expect, it } from "vitest";
import { buildQualityRows, qualityCharts, type ScoreSums } from "@/lib/quality/quality-dashboard";

const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 1);
const ranges = { previousStartMs: start - 24 * HOUR, startMs: start, endMs: start + 24 * HOUR, bucketMs: HOUR };

/** One row per hour of [fromHour, toHour) relative to the window's start, each of `n` scores at `mean`. */
function hours(group: string, fromHour: number, toHour: number, mean: (h: number) => number, n = 10): ScoreSums[] {
  const out: ScoreSums[] = [];
  for (let h = fromHour; h < toHour; h++) {
    const m = mean(h);
    out.push({ bucketStartMs: start + h * HOUR, group, count: n, valueCount: n, valueSum: m * n, passCount: m >= 0.5 ? n : 0 });
  }
  return out;
}

describe("buildQualityRows", () => {
  it("finds where a task's mean score dropped, against the previous period", () => {
    const wobble = (h: number) => 0.9 + ((h * 7) % 5) * 0.005;
    const rows = buildQualityRows(
      [...hours("refund", -24, 0, wobble), ...hours("refund", 0, 24, (h) => (h < 16 ? wobble(h) : 0.45)), ...hours("triage", -24, 24, wobble, 5)],
      ranges,
    );
    expect(rows.map((r) => r.group)).toEqual(["refund", "triage"]);
    const [refund, triage] = rows;
    expect(refund!.shift).toMatchObject({ metric: "mean", direction: "down", atMs: start + 16 * HOUR });
    expect(refund!.shift!.levelAfter).toBeCloseTo(0.45, 9);
    expect(refund!.count).toBe(240);
    expect(refund!.passRate).toBeCloseTo(16 / 24, 9);
    expect(triage!.shift).toBeNull();
    expect(refund!.series).toHaveLength(24);
    expect(refund!.series[20]).toEqual({ t: start + 20 * HOUR, mean: 0.45, passRate: 0 });
  });

  it("uses the pass rate for scores given as labels only, and reports nothing without a baseline", () => {
    const labels = (h: number): ScoreSums => ({
      bucketStartMs: start + h * HOUR,
      group: "tone",
      count: 10,
      valueCount: 0,
      valueSum: 0,
      passCount: h < 12 ? 9 : 2,
    });
    const rows = buildQualityRows([-24, -20, -10, -5, ...Array.from({ length: 24 }, (_, h) => h)].map(labels), ranges);
    expect(rows[0]!.mean).toBeNull();
    expect(rows[0]!.shift).toMatchObject({ metric: "pass rate", direction: "down", atMs: start + 12 * HOUR });
    expect(
      buildQualityRows(
        hours("new", 0, 24, (h) => (h < 12 ? 0.9 : 0.1)),
        ranges,
      )[0]!.shift,
    ).toBeNull();
  });
});

describe("qualityCharts", () => {
  it("draws one line per group with the mean and the pass rate in %", () => {
    const rows = buildQualityRows(
      hours("a", 0, 2, () => 0.75),
      ranges,
    );
    const charts = qualityCharts(rows, "task", HOUR);
    expect(charts.mean.series.map((s) => [s.label, s.filter])).toEqual([["a", { name: "a" }]]);
    expect(charts.mean.rows.slice(0, 3)).toEqual([
      { t: start, s0: 0.75 },
      { t: start + HOUR, s0: 0.75 },
      { t: start + 2 * HOUR, s0: null },
    ]);
    expect(charts.passRate.rows[0]).toEqual({ t: start, s0: 100 });
  });
});
