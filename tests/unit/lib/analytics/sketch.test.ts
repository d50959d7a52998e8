// The duration sketch: every value within RELATIVE_ACCURACY of its bin's representative, nearest-rank
// quantiles within 1 % of the exact ones, merging and un-merging by adding and subtracting counts.
import { describe, expect, it } from "vitest";
import {
  addValue,
  binOf,
  binValue,
  decodeBins,
  encodeBins,
  highestBin,
  mergeBins,
  mergeIntoStored,
  quantiles,
  RELATIVE_ACCURACY,
  ZERO_BIN,
  type Bins,
} from "@/lib/analytics/sketch";

/** Exact nearest-rank quantile: the smallest value with at least ⌈q·n⌉ values ≤ it. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/** Deterministic pseudo-random values (no Math.random: failures must reproduce). */
function series(n: number, seed: number, scale: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.round(Math.exp((s / 2 ** 31) * Math.log(scale)) * 1000) / 1000;
  });
}

const binsOf = (values: number[]) => {
  const bins: Bins = new Map();
  for (const v of values) addValue(bins, v);
  return bins;
};

describe("binOf / binValue", () => {
  it.each([0.001, 0.0015, 0.5, 1, 7.25, 99.99, 1000, 12_345.678, 3_600_000, 86_400_000 * 3])("keeps %f ms within the relative accuracy", (ms) => {
    expect(Math.abs(binValue(binOf(ms)) - ms) / ms).toBeLessThanOrEqual(RELATIVE_ACCURACY * (1 + 1e-9));
  });

  it.each([0, 0.0004, -5, Number.NaN])("puts %f in the zero bin, whose value is 0", (ms) => {
    expect(binOf(ms)).toBe(ZERO_BIN);
    expect(binValue(ZERO_BIN)).toBe(0);
  });

  it("orders bins like values", () => {
    const values = [0, 0.001, 0.01, 1, 1.5, 2, 10, 1000];
    const bins = values.map(binOf);
    expect([...bins].sort((a, b) => a - b)).toEqual(bins);
  });
});

describe("quantiles", () => {
  it.each([
    ["1 value", [42]],
    ["2 values", [10, 20]],
    ["100 steps", Array.from({ length: 100 }, (_, i) => i + 1)],
    ["log-uniform 1 ms–60 s", series(5000, 7, 60_000)],
    ["with zeros", [0, 0, 0, 5, 10, 2000]],
    ["all equal", Array(50).fill(123.456) as number[]],
  ])("are within 1 %% of the exact nearest-rank quantile (%s)", (_name, values) => {
    const bins = binsOf(values);
    const max = Math.max(...values);
    const qs = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1];
    quantiles(bins, qs, max).forEach((estimate, i) => {
      const exact = exactQuantile(values, qs[i]!);
      expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(exact * 0.01);
    });
  });

  it("never exceeds the given maximum and is null when empty", () => {
    for (const v of [100, 100.9, 101.5, 102]) {
      const [p50] = quantiles(binsOf([v]), [0.5], v);
      expect(p50).toBeLessThanOrEqual(v);
      expect(p50).toBeGreaterThanOrEqual(v * 0.99);
    }
    expect(quantiles(new Map(), [0.5])).toEqual([null]);
  });

  it("ignores bins at or below zero (an inconsistent delta never surfaces)", () => {
    expect(
      quantiles(
        new Map([
          [binOf(10), 2],
          [binOf(50), -1],
        ]),
        [1],
      )[0],
    ).toBeCloseTo(10, 0);
  });

  it("sorts instead of counting when the bins are far apart or not integers, with the same answers", () => {
    // Counted: bins 0, 1 and 2 with 1, 2 and 1 items. Sorted: the same shape, spread past the dense range or off the integers.
    const shapes = [
      [0, 1, 2],
      [0, 1, 200_000],
      [0, 0.5, 2],
    ];
    const answers = shapes.map(([a, b, c]) =>
      quantiles(
        new Map([
          [c!, 1],
          [a!, 1],
          [b!, 2],
        ]),
        [0, 0.25, 0.5, 0.75, 1],
      ),
    );
    answers.forEach((answer, i) => expect(answer).toEqual([0, 0, 1, 1, 2].map((k) => binValue(shapes[i]![k]!))));
  });
});

describe("merging", () => {
  it("merges by adding and un-merges by subtracting", () => {
    const a = series(300, 1, 1000),
      b = series(200, 2, 5000);
    const merged = binsOf(a);
    mergeBins(merged, binsOf(b));
    expect(merged).toEqual(binsOf([...a, ...b]));
    mergeBins(merged, binsOf(b), -1);
    expect(merged).toEqual(binsOf(a));
  });

  it("finds the highest non-empty bin", () => {
    expect(
      highestBin(
        new Map([
          [3, 1],
          [9, 0],
          [7, -2],
        ]),
      ),
    ).toBe(3);
    expect(highestBin(new Map())).toBeNull();
  });

  it("merges a delta into a stored histogram, dropping the bins it empties or overdraws", () => {
    const stored: Bins = new Map([
      [1, 2],
      [4, 1],
      [6, 5],
    ]);
    mergeIntoStored(
      stored,
      new Map([
        [1, -2],
        [4, -3],
        [6, 1],
        [8, 2],
      ]),
    );
    expect(stored).toEqual(
      new Map([
        [6, 6],
        [8, 2],
      ]),
    );
  });
});

describe("encodeBins / decodeBins", () => {
  it.each([
    [new Map<number, number>(), "{}"],
    [
      new Map([
        [-345, 2],
        [12, 1],
      ]),
      '{"-345":2,"12":1}',
    ],
  ])("round-trips %j", (bins, text) => {
    expect(encodeBins(bins)).toBe(text);
    expect(decodeBins(text)).toEqual(bins);
  });

  it("reads null and empty text as an empty histogram", () => {
    expect(decodeBins(null).size).toBe(0);
    expect(decodeBins("").size).toBe(0);
  });
});
