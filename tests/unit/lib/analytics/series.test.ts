// Rollup rows → API points: finer rows merged into the requested bucket, ordered by bucket and group.
import { describe, expect, it } from "vitest";
import { buildCostSeries, buildLatencySeries, mergePoints, orderPoints, toCostPoint, toLatencyPoint } from "@/lib/analytics/series";
import { addValue, encodeBins, type Bins } from "@/lib/analytics/sketch";
import { BASE_MS } from "./support/spans";

const MINUTE = 60_000;
const binsText = (values: number[]) => {
  const bins: Bins = new Map();
  for (const v of values) addValue(bins, v);
  return encodeBins(bins);
};
const latencyRow = (group: string, minute: number, values: number[]) => ({
  group,
  bucketStartMs: BASE_MS + minute * MINUTE,
  count: values.length,
  maxMs: Math.max(...values),
  p50Ms: 0,
  p95Ms: 0,
  p99Ms: 0,
  bins: binsText(values),
});

describe("buildLatencySeries", () => {
  it("merges minute rows into 5-minute buckets, per group, in order", () => {
    const rows = [
      latencyRow("b", 0, [5]),
      latencyRow("a", 6, [7]),
      latencyRow(
        "a",
        1,
        Array.from({ length: 99 }, (_, i) => i + 1),
      ),
      latencyRow("a", 4, [1000]),
    ];
    const points = buildLatencySeries(rows, 5 * MINUTE, MINUTE);
    expect(points.map((p) => [p.bucketStart.slice(11, 16), p.group, p.count, p.maxMs])).toEqual([
      ["10:00", "a", 100, 1000],
      ["10:00", "b", 1, 5],
      ["10:05", "a", 1, 7],
    ]);
    const first = points[0]!;
    for (const [estimate, exact] of [
      [first.p50Ms, 50],
      [first.p95Ms, 95],
      [first.p99Ms, 99],
    ] as const) {
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(exact * 0.01);
    }
  });

  it("returns nothing for no rows", () => {
    expect(buildLatencySeries([], MINUTE, MINUTE)).toEqual([]);
  });

  it("maps rows of the bucket's own size one to one, with their stored percentiles", () => {
    const row = (group: string, hour: number) => ({
      group,
      bucketStartMs: BASE_MS + hour * 3_600_000,
      count: 3,
      maxMs: 9.0004,
      p50Ms: 2.0004,
      p95Ms: 8,
      p99Ms: 9,
    });
    expect(
      buildLatencySeries([row("b", 1), row("z", 0), row("a", 0)], 3_600_000, 3_600_000).map((p) => [p.bucketStart.slice(11, 16), p.group, p.p50Ms, p.maxMs]),
    ).toEqual([
      ["10:00", "a", 2, 9],
      ["10:00", "z", 2, 9],
      ["11:00", "b", 2, 9],
    ]);
  });
});

describe("buildCostSeries", () => {
  it("sums traces, cost and tokens per bucket and group (hour rows into a day), with the cost per trace", () => {
    const row = (group: string, hour: number, count: number, costUsd: number) => ({
      group,
      bucketStartMs: BASE_MS + hour * 3_600_000,
      count,
      costUsd,
      inputTokens: count * 100,
      outputTokens: count * 10,
    });
    const points = buildCostSeries([row("t", 0, 2, 0.5), row("t", 1, 1, 0.25), row("u", 0, 4, -1e-18)], 86_400_000, 3_600_000);
    expect(points).toEqual([
      { bucketStart: "2026-11-21T00:00:00.000Z", group: "t", traces: 3, costUsd: 0.75, costPerTraceUsd: 0.25, inputTokens: 300, outputTokens: 30 },
      { bucketStart: "2026-11-21T00:00:00.000Z", group: "u", traces: 4, costUsd: 0, costPerTraceUsd: 0, inputTokens: 400, outputTokens: 40 },
    ]);
  });
});

describe("points built straight from rows", () => {
  it("toCostPoint: cost never below zero, cost per trace, 0 for no traces", () => {
    expect(toCostPoint(BASE_MS, "t", 4, 1, 100, 10)).toEqual({
      bucketStart: "2026-11-21T10:00:00.000Z",
      group: "t",
      traces: 4,
      costUsd: 1,
      costPerTraceUsd: 0.25,
      inputTokens: 100,
      outputTokens: 10,
    });
    expect(toCostPoint(BASE_MS, "t", 2, -1e-18, 0, 0)).toMatchObject({ costUsd: 0, costPerTraceUsd: 0 });
    // Float noise of sums is rounded away at 1e-10 USD; a single token's cost (≥ 1e-9 USD) is kept.
    expect(toCostPoint(BASE_MS, "t", 3, 0.1 + 0.2, 0, 0)).toMatchObject({ costUsd: 0.3, costPerTraceUsd: 0.1 });
    expect(toCostPoint(BASE_MS, "t", 1, 1e-9, 0, 0)).toMatchObject({ costUsd: 1e-9 });
    expect(toCostPoint(BASE_MS, "t", 0, 0.5, 0, 0)).toMatchObject({ costPerTraceUsd: 0 });
  });

  it("toLatencyPoint: durations rounded to the microsecond", () => {
    expect(toLatencyPoint(BASE_MS, "a", 3, 2.0004, 8.00049, 9, 9.0006)).toEqual({
      bucketStart: "2026-11-21T10:00:00.000Z",
      group: "a",
      count: 3,
      p50Ms: 2,
      p95Ms: 8,
      p99Ms: 9,
      maxMs: 9.001,
    });
  });

  it("orderPoints keeps ordered points as they are and sorts the others by bucket, then group", () => {
    const at = (hour: number, group: string) => toCostPoint(BASE_MS + hour * 3_600_000, group, 1, 0, 0, 0);
    const ordered = [at(0, "a"), at(0, "b"), at(1, "a")];
    expect(orderPoints(ordered)).toBe(ordered);
    expect(orderPoints([at(1, "a"), at(0, "b"), at(0, "a")]).map((p) => [p.bucketStart.slice(11, 13), p.group])).toEqual([
      ["10", "a"],
      ["10", "b"],
      ["11", "a"],
    ]);
  });
});

describe("mergePoints", () => {
  const at = (hour: number, group: string) => ({ bucketStart: new Date(BASE_MS + hour * 3_600_000).toISOString(), group });
  it("keeps point order: by bucket, then group, the first list's point first on equal keys", () => {
    const kept = [at(0, "alice"), at(0, "zoe"), at(2, "bob")];
    const others = [at(0, "(other)"), at(1, "(other)"), at(2, "(other)"), at(3, "(other)")];
    expect(mergePoints(kept, others)).toEqual([
      at(0, "(other)"),
      at(0, "alice"),
      at(0, "zoe"),
      at(1, "(other)"),
      at(2, "(other)"),
      at(2, "bob"),
      at(3, "(other)"),
    ]);
    expect(mergePoints([at(0, "~last")], [at(0, "(other)")])).toEqual([at(0, "(other)"), at(0, "~last")]);
    expect(mergePoints([], others)).toEqual(others);
    expect(mergePoints(kept, [])).toEqual(kept);
  });
});
