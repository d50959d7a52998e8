// The time ranges an alert rule measures, and which stored rollup rows cover them. Pure.
//
// - Window: the last `windowMinutes` minute buckets, the current (partial) minute included, so a
//   run is seen by the next evaluation after it is stored.
// - Baseline: the 7 days just before the window.
// - A range is read from the coarsest rows that fit: whole UTC days from day rows, whole hours from
//   hour rows, the edges from minute rows (24 h = at most 23 hour rows + 118 minute rows per group).
//   A dimension without minute rows (trace.user keeps hours and days) widens the window outward to
//   whole hours: a per-user rule sees up to an hour more than its window.
import { alignDown, alignUp, GRANULARITY_MS, type Granularity } from "@/lib/analytics/buckets";

export type TimeRange = { fromMs: number; toMs: number };
export type Segment = TimeRange & { granularity: Granularity };

const MINUTE_MS = 60_000;
export const BASELINE_MS = 7 * 86_400_000;
const COARSE_TO_FINE: readonly Granularity[] = ["1d", "1h", "1m"];

/** The last `minutes` minute buckets up to the one holding `nowMs`. */
export function evaluationWindow(nowMs: number, minutes: number): TimeRange {
  const toMs = alignDown(nowMs, MINUTE_MS) + MINUTE_MS;
  return { fromMs: toMs - minutes * MINUTE_MS, toMs };
}

/** The 7 days before a window. */
export const baselineRange = (window: TimeRange): TimeRange => ({ fromMs: window.fromMs - BASELINE_MS, toMs: window.fromMs });

function cover(fromMs: number, toMs: number, granularities: readonly Granularity[]): Segment[] {
  if (fromMs >= toMs) return [];
  const [granularity, ...finer] = granularities;
  if (!granularity) return [];
  if (finer.length === 0) return [{ granularity, fromMs, toMs }];
  const size = GRANULARITY_MS[granularity];
  const innerFrom = alignUp(fromMs, size),
    innerTo = alignDown(toMs, size);
  if (innerFrom >= innerTo) return cover(fromMs, toMs, finer);
  return [...cover(fromMs, innerFrom, finer), { granularity, fromMs: innerFrom, toMs: innerTo }, ...cover(innerTo, toMs, finer)];
}

/**
 * The rows covering `range` from the granularities a dimension keeps, and the range they really
 * cover (widened to the finest kept granularity).
 */
export function planSegments(range: TimeRange, kept: readonly Granularity[]): { range: TimeRange; segments: Segment[] } {
  const granularities = COARSE_TO_FINE.filter((g) => kept.includes(g));
  const finest = granularities[granularities.length - 1];
  if (!finest) return { range, segments: [] };
  const size = GRANULARITY_MS[finest];
  const widened = { fromMs: alignDown(range.fromMs, size), toMs: alignUp(range.toMs, size) };
  return { range: widened, segments: cover(widened.fromMs, widened.toMs, granularities) };
}
