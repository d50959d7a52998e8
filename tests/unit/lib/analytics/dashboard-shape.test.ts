import { describe, expect, it } from "vitest";
import { addValue, encodeBins, type Bins } from "@/lib/analytics/sketch";
import {
  buildSeries,
  listBucketStarts,
  parseChoice,
  pickChartBucket,
  pivotTimeSeries,
  rankGroups,
  splitCompleted,
  summariseLatency,
  toWasteCells,
  wasteKey,
} from "@/lib/analytics/dashboard-shape";

const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;
const T0 = Date.parse("2026-11-21T00:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("pickChartBucket", () => {
  it.each([
    [H, "1m"],
    [6 * H, "5m"],
    [D, "5m"],
    [7 * D, "1h"],
    [30 * D, "1d"],
  ] as const)("a window of %i ms → %s", (span, bucket) => {
    expect(pickChartBucket(T0, T0 + span, ["1m", "5m", "1h", "1d"])).toBe(bucket);
  });
  it("takes the coarsest allowed one when none is fine enough", () => {
    expect(pickChartBucket(T0, T0 + 1000 * D, ["1h", "1d"])).toBe("1d");
  });
});

describe("parseChoice", () => {
  it("keeps allowed values and falls back otherwise", () => {
    expect(parseChoice("tool", ["name", "tool"], "name")).toBe("tool");
    expect(parseChoice("bogus", ["name", "tool"], "name")).toBe("name");
    expect(parseChoice(undefined, ["name", "tool"], "name")).toBe("name");
  });
});

describe("rankGroups", () => {
  const points = [
    { group: "b", n: 2 },
    { group: "a", n: 1 },
    { group: "a", n: 1 },
    { group: "c", n: 5 },
  ];
  it("orders by total weight, then by name, and cuts at the limit", () => {
    expect(rankGroups(points, (p) => p.n)).toEqual(["c", "a", "b"]);
    expect(rankGroups(points, (p) => p.n, 2)).toEqual(["c", "a"]);
  });
});

describe("pivotTimeSeries", () => {
  const series = buildSeries(["checkout", "gpt-4.1"], (label) => ({ name: label }));
  const points = [
    { bucketStart: iso(T0 + H), group: "checkout", v: 2 },
    { bucketStart: iso(T0 + H), group: "gpt-4.1", v: 3 },
    { bucketStart: iso(T0 + H), group: "checkout", v: 1 },
    { bucketStart: iso(T0 + 2 * H), group: "other", v: 9 },
    { bucketStart: iso(T0 + 9 * H), group: "checkout", v: 9 }, // outside the window
  ];
  it("gives one row per bucket, safe keys per series, empty cells as asked, summing a cell's points", () => {
    const data = pivotTimeSeries(points, { series, seriesOf: (p) => p.group, value: (p) => p.v, startMs: T0, endMs: T0 + 3 * H, bucketMs: H, empty: null });
    expect(data.series.map((s) => [s.key, s.label])).toEqual([
      ["s0", "checkout"],
      ["s1", "gpt-4.1"],
    ]);
    expect(data.rows).toEqual([
      { t: T0, s0: null, s1: null },
      { t: T0 + H, s0: 3, s1: 3 },
      { t: T0 + 2 * H, s0: null, s1: null },
    ]);
    expect(pivotTimeSeries([], { series, seriesOf: () => "checkout", value: () => 1, startMs: T0, endMs: T0 + H, bucketMs: H, empty: 0 }).rows).toEqual([
      { t: T0, s0: 0, s1: 0 },
    ]);
  });
  it("skips null values", () => {
    const data = pivotTimeSeries([{ bucketStart: iso(T0) }], {
      series,
      seriesOf: () => "checkout",
      value: () => null,
      startMs: T0,
      endMs: T0 + H,
      bucketMs: H,
      empty: null,
    });
    expect(data.rows[0]!.s0).toBeNull();
  });
  it("lists bucket starts", () => {
    expect(listBucketStarts(T0, T0 + 15 * M, 5 * M)).toEqual([T0, T0 + 5 * M, T0 + 10 * M]);
  });
});

describe("summariseLatency", () => {
  const bins = (...values: number[]) => {
    const b: Bins = new Map();
    for (const v of values) addValue(b, v);
    return encodeBins(b);
  };
  it("merges each group's histograms over the window; slowest p95 first", () => {
    const rows = [
      { group: "search", count: 3, maxMs: 300, bins: bins(100, 200, 300) },
      { group: "search", count: 2, maxMs: 1500, bins: bins(400, 1500) },
      { group: "lookup", count: 1, maxMs: 50, bins: bins(50) },
    ];
    const [search, lookup] = summariseLatency(rows);
    expect(search).toMatchObject({ group: "search", count: 5, p95Ms: 1500, p99Ms: 1500, maxMs: 1500 });
    expect(search!.p50Ms).toBeGreaterThan(200 * 0.99);
    expect(search!.p50Ms).toBeLessThan(300 * 1.01);
    expect(lookup).toMatchObject({ group: "lookup", count: 1, p95Ms: 50 });
  });
});

describe("waste", () => {
  it("keys failed runs and their cost by bucket and task", () => {
    const cells = toWasteCells([
      { name: "checkout", bucketStartMs: T0, failedRuns: 2, wasteUsd: 0.002 },
      { name: "checkout", bucketStartMs: T0 + H, failedRuns: 1, wasteUsd: 0.001 },
      { name: "checkout", bucketStartMs: T0 + H, failedRuns: 1, wasteUsd: 0 },
    ]);
    expect(cells.get(wasteKey(T0, "checkout"))).toEqual({ failedRuns: 2, wasteUsd: 0.002 });
    expect(cells.get(wasteKey(T0 + H, "checkout"))).toEqual({ failedRuns: 2, wasteUsd: 0.001 });
    expect(cells.get(wasteKey(T0, "refund"))).toBeUndefined();
  });
  it("splits a bucket's totals into completed runs and their cost", () => {
    expect(splitCompleted({ traces: 7, costUsd: 0.0189 }, { failedRuns: 2, wasteUsd: 0.0054 })).toEqual({ completedRuns: 5, completedUsd: 0.0189 - 0.0054 });
    expect(splitCompleted({ traces: 1, costUsd: 0.001 }, { failedRuns: 1, wasteUsd: 0.0010000001 })).toEqual({ completedRuns: 0, completedUsd: 0 });
    expect(splitCompleted({ traces: 3, costUsd: 0.3 }, undefined)).toEqual({ completedRuns: 3, completedUsd: 0.3 });
  });
});
