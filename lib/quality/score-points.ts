// Score metrics points: a bucket's sums (from the score rollups) → count, mean and pass rate. Pure.

export type ScorePoint = {
  bucketStart: string;
  group: string;
  /** Scores in the bucket and group. */
  count: number;
  /** Mean of the values; null when every score there is a label without a value. */
  mean: number | null;
  /** Share of scores that pass (lib/quality/score-types.ts, isPassing). */
  passRate: number;
};

/** Rounds away the float noise that summing and subtracting values leaves (exact for values given with ≤ 9 decimals). */
const round9 = (n: number) => Math.round(n * 1e9) / 1e9;

export function toScorePoint(bucketStartMs: number, group: string, count: number, valueCount: number, valueSum: number, passCount: number): ScorePoint {
  return {
    bucketStart: new Date(bucketStartMs).toISOString(),
    group,
    count,
    mean: valueCount > 0 ? round9(valueSum / valueCount) : null,
    passRate: count > 0 ? round9(passCount / count) : 0,
  };
}
