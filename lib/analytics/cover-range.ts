// The fewest stored rows that hold a whole range: day rows for its whole days, hour rows for the whole
// hours around them, minute rows for the rest. Sums, maxima and histograms of rows add up the same
// whatever size the rows are, so totals over a range (cost per user, percentiles per tool over 30 days)
// can read ~30 day rows and a few dozen hour rows per group instead of 720 hour rows. Pure.
import { alignDown, alignUp, GRANULARITY_MS, type Granularity } from "./buckets";

export type RangePart = { granularity: Granularity; startMs: number; endMs: number };

const COARSE_TO_FINE: readonly Granularity[] = ["1d", "1h", "1m"];

/**
 * [startMs, endMs) as parts of rows of `allowed` granularities (coarsest first where it fits). Both ends
 * must be multiples of the finest allowed granularity (whole buckets, as bucketSpan gives them).
 */
export function coverRange(startMs: number, endMs: number, allowed: readonly Granularity[]): RangePart[] {
  const levels = COARSE_TO_FINE.filter((g) => allowed.includes(g));
  const finest = levels[levels.length - 1];
  if (!finest) throw new Error("coverRange needs at least one granularity");
  if (startMs % GRANULARITY_MS[finest] !== 0 || endMs % GRANULARITY_MS[finest] !== 0) {
    throw new Error(`coverRange: ${startMs}…${endMs} is not aligned to ${finest}`);
  }
  const parts: RangePart[] = [];
  const cover = (from: number, to: number, level: number) => {
    if (from >= to) return;
    const granularity = levels[level]!;
    if (level === levels.length - 1) return void parts.push({ granularity, startMs: from, endMs: to });
    const size = GRANULARITY_MS[granularity];
    const [a, b] = [alignUp(from, size), alignDown(to, size)];
    if (a >= b) return cover(from, to, level + 1);
    cover(from, a, level + 1);
    parts.push({ granularity, startMs: a, endMs: b });
    cover(b, to, level + 1);
  };
  cover(startMs, endMs, 0);
  return parts;
}
