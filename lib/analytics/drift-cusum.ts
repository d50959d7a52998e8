// Change-point detection for the drift view: a two-sided tabular CUSUM (Page 1954; Montgomery,
// "Introduction to Statistical Quality Control", ch. 9) on a per-bucket series, with the reference
// level and noise estimated from a baseline series. Deterministic and pure.
//
// Method
// - Reference: mean μ0 and sample standard deviation s of the baseline's non-empty buckets. s is
//   floored at MIN_RELATIVE_SD·|μ0|: a perfectly flat baseline (fixed prompts give identical cost per
//   run) would otherwise have s = 0 and flag any rounding difference. At least MIN_BASELINE_BUCKETS
//   non-empty baseline buckets are needed, else nothing is reported (no level to compare with).
// - For each non-empty bucket t, z = (x_t − μ0)/σ, S⁺ = max(0, S⁺ + z − k), S⁻ = max(0, S⁻ − z − k).
//   The first bucket T where S⁺ or S⁻ exceeds h raises the alarm. The change point is then located
//   by maximum likelihood (Hinkley 1971) among the buckets up to T: the τ maximising
//   (Σ_{i=τ..T} z_i)² / n(τ..T) with the sign of the alarm. This is sharper than "where the arm last
//   left zero", which with k = 0.5 often points a bucket or two early because noise alone keeps the
//   arm above zero about a third of the time.
// - k = 0.5σ detects shifts of about 1σ and more. h = 8σ (rather than the textbook 4–5σ) keeps false
//   alarms rare on the 24–720-bucket windows the API serves: the in-control average run length is
//   ≈ 9,500 buckets (Siegmund's approximation), while a 3σ shift is flagged within 4 buckets and a
//   single-bucket jump of more than 8.5σ at once.
// - Empty buckets (null: no runs) carry no information and are skipped without resetting the sums.

export const CUSUM_ALLOWANCE_SD = 0.5;
export const CUSUM_THRESHOLD_SD = 8;
export const MIN_RELATIVE_SD = 0.05;
export const MIN_BASELINE_BUCKETS = 3;

export type ChangePoint = {
  /** Index in the monitored series of the first bucket at the new level. */
  index: number;
  /** Index of the bucket where the alarm was raised (≥ index). */
  detectedIndex: number;
  direction: "up" | "down";
  /** Reference level (baseline mean) and the noise σ used. */
  baselineMean: number;
  baselineSd: number;
  /** Mean of the non-empty buckets from `index` to the end of the series. */
  levelAfter: number;
};

type Options = { allowanceSd?: number; thresholdSd?: number; minRelativeSd?: number; minBaselineBuckets?: number };

const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null && Number.isFinite(v));

/** Mean and (n − 1) standard deviation. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length < 2) return { mean, sd: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * The first level shift in `series` relative to `baseline`, or null when none is detected (or the
 * baseline is too short). Null entries are empty buckets.
 */
export function detectChangePoint(baseline: readonly (number | null)[], series: readonly (number | null)[], options: Options = {}): ChangePoint | null {
  const k = options.allowanceSd ?? CUSUM_ALLOWANCE_SD;
  const h = options.thresholdSd ?? CUSUM_THRESHOLD_SD;
  const reference = present(baseline);
  if (reference.length < (options.minBaselineBuckets ?? MIN_BASELINE_BUCKETS)) return null;
  const { mean, sd: sampleSd } = meanAndSd(reference);
  // The absolute floor only guards a zero mean with zero spread (e.g. an error rate of 0 throughout).
  const sd = Math.max(sampleSd, (options.minRelativeSd ?? MIN_RELATIVE_SD) * Math.abs(mean), 1e-12);
  const z = series.map((x) => (x === null || x === undefined || !Number.isFinite(x) ? null : (x - mean) / sd));
  let up = 0,
    down = 0;
  for (let t = 0; t < z.length; t++) {
    const zt = z[t];
    if (zt === null || zt === undefined) continue;
    up = Math.max(0, up + zt - k);
    down = Math.max(0, down - zt - k);
    const direction = up > h ? "up" : down > h ? "down" : null;
    if (!direction) continue;
    const index = locateShift(z, t, direction === "up" ? 1 : -1);
    const after = present(series.slice(index));
    return { index, detectedIndex: t, direction, baselineMean: mean, baselineSd: sd, levelAfter: after.reduce((a, b) => a + b, 0) / after.length };
  }
  return null;
}

/** Maximum-likelihood start of a shift of sign `sign` that raised the alarm at `alarm`. */
function locateShift(z: readonly (number | null)[], alarm: number, sign: 1 | -1): number {
  let best = alarm,
    bestScore = -Infinity,
    sum = 0,
    n = 0;
  for (let tau = alarm; tau >= 0; tau--) {
    const zt = z[tau];
    if (zt === null || zt === undefined) continue;
    sum += sign * zt;
    n++;
    // ≥: on a tie the earlier bucket wins, so the answer does not depend on float noise order.
    const score = sum > 0 ? (sum * sum) / n : -Infinity;
    if (score >= bestScore) [best, bestScore] = [tau, score];
  }
  return best;
}
