// detectChangePoint: the shift is found at the bucket where it happened, on clean and noisy synthetic
// series, and nothing is reported on flat noise, flat data or without a baseline.
import { describe, expect, it } from "vitest";
import { CUSUM_THRESHOLD_SD, detectChangePoint, meanAndSd } from "@/lib/analytics/drift-cusum";

/** Deterministic Gaussian noise: mulberry32 + Box–Muller. */
function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** `n` values around `level` with relative noise `noise`, from `seed`. */
const noisy = (n: number, level: number, noise: number, seed: number) => {
  const g = gaussian(seed);
  return Array.from({ length: n }, () => level * (1 + noise * g()));
};
/** A series at `before` that steps to `after` at index `at`. */
const step = (n: number, at: number, before: number, after: number, noise = 0, seed = 1) =>
  noisy(n, 1, noise, seed).map((v, i) => v * (i < at ? before : after));

describe("detectChangePoint finds the bucket where the level shifted", () => {
  it.each<[string, number[], (number | null)[], number, "up" | "down"]>([
    ["clean step up (cost per run doubles at bucket 12 of 24)", Array(24).fill(0.01), step(24, 12, 0.01, 0.02), 12, "up"],
    ["clean step down at bucket 5", Array(24).fill(200), step(24, 5, 200, 120), 5, "down"],
    ["shift in the very first bucket", Array(24).fill(1), step(24, 0, 1, 3), 0, "up"],
    ["shift in the last bucket only, large enough to alarm at once", Array(24).fill(1), step(24, 23, 1, 2), 23, "up"],
    ["noisy (2 %) cost per run, +30 % at bucket 30 of 48", noisy(48, 0.05, 0.02, 7), step(48, 30, 0.05, 0.065, 0.02, 8), 30, "up"],
    ["noisy (5 %) p95 latency, −40 % at bucket 17 of 24", noisy(24, 1200, 0.05, 11), step(24, 17, 1200, 720, 0.05, 12), 17, "down"],
    ["noisy (5 %), a 2σ shift found despite slow accumulation", noisy(168, 10, 0.05, 3), step(168, 100, 10, 11, 0.05, 4), 100, "up"],
  ])("%s", (_label, baseline, series, index, direction) => {
    const cp = detectChangePoint(baseline, series);
    expect(cp).not.toBeNull();
    expect([cp!.index, cp!.direction]).toEqual([index, direction]);
    expect(cp!.detectedIndex).toBeGreaterThanOrEqual(index);
  });

  it("skips empty buckets: indexes stay those of the series", () => {
    const series = [1, null, 1, null, null, 2, 2, null, 2];
    expect(detectChangePoint([1, 1, 1, 1], series)).toMatchObject({ index: 5, detectedIndex: 5, direction: "up", baselineMean: 1, levelAfter: 2 });
  });

  it("reports the reference level, σ and the level after the shift", () => {
    const cp = detectChangePoint([0.01, 0.01, 0.01], step(10, 4, 0.01, 0.02))!;
    expect(cp.baselineMean).toBeCloseTo(0.01, 15);
    expect(cp.baselineSd).toBeCloseTo(0.0005, 15); // the 5 % floor: the baseline is flat
    expect(cp.levelAfter).toBeCloseTo(0.02, 15);
  });
});

describe("detectChangePoint stays quiet", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])("on flat 5 %% noise, seed %i (168 hourly buckets)", (seed) => {
    expect(detectChangePoint(noisy(168, 0.03, 0.05, seed * 100), noisy(168, 0.03, 0.05, seed * 100 + 1))).toBeNull();
  });

  it.each([1, 2, 3])("on flat 20 %% noise with a short baseline, seed %i", (seed) => {
    expect(detectChangePoint(noisy(24, 500, 0.2, seed * 7), noisy(24, 500, 0.2, seed * 7 + 1))).toBeNull();
  });

  it.each<[string, (number | null)[], (number | null)[]]>([
    ["a perfectly flat series", Array(24).fill(0.02), Array(24).fill(0.02)],
    ["a shift below the floor (3 % on a flat baseline)", Array(24).fill(1), step(24, 12, 1, 1.03)],
    ["fewer than 3 baseline buckets", [1, 1], step(24, 12, 1, 5)],
    ["an empty baseline", [null, null, null, null], step(24, 12, 1, 5)],
    ["an empty series", Array(24).fill(1), Array(24).fill(null)],
    ["zero everywhere (an error rate of 0)", [0, 0, 0, 0], [0, 0, 0, 0, 0]],
    [
      "a one-bucket blip below the alarm threshold",
      Array(24).fill(1),
      Array(24)
        .fill(1)
        .map((v: number, i) => (i === 10 ? 1.4 : v)),
    ],
  ])("on %s", (_label, baseline, series) => {
    expect(detectChangePoint(baseline, series)).toBeNull();
  });
});

describe("meanAndSd", () => {
  it("uses the n − 1 standard deviation", () => {
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: Math.sqrt(32 / 7) });
    expect(meanAndSd([3])).toEqual({ mean: 3, sd: 0 });
  });

  it("documents the threshold the tests rely on", () => {
    expect(CUSUM_THRESHOLD_SD).toBe(8);
  });
});
