// Duration histograms with bounded relative error: the log-bucket mapping of DDSketch (Masson, Rim and
// Lee, VLDB 2019). A value v > 0 lands in bin i = ceil(log_γ v), i.e. (γ^(i-1), γ^i], with
// γ = (1+α)/(1-α); the bin's representative 2γ^i/(γ+1) is within α of every value in it. Bins of
// the same mapping merge by adding counts and un-merge by subtracting them, which is what lets
// rollups move a trace from one bucket to another when a late span changes it.
//
// α = 0.9 % (not 1 %) leaves room for floating-point rounding under the documented "within 1 %" (LatencyPoint in docs/api.md).
// Percentiles use the nearest-rank definition: the smallest stored value v with at least ⌈q·n⌉
// values ≤ v. Pure: no I/O.

export const RELATIVE_ACCURACY = 0.009;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Durations are stored with microsecond resolution: anything below is 0. */
export const MIN_INDEXED_MS = 0.001;
/** The bin of zero (and of anything below MIN_INDEXED_MS); its representative is 0. */
export const ZERO_BIN = Math.ceil(Math.log(MIN_INDEXED_MS) / LOG_GAMMA) - 1;

/** Bin index → count. Counts may go negative in a delta, never in a stored histogram. */
export type Bins = Map<number, number>;

/** The bin a duration (ms) falls in. */
export function binOf(ms: number): number {
  return ms >= MIN_INDEXED_MS ? Math.ceil(Math.log(ms) / LOG_GAMMA) : ZERO_BIN;
}

/** The value a bin stands for: within RELATIVE_ACCURACY of every value in it. */
export function binValue(bin: number): number {
  return bin <= ZERO_BIN ? 0 : (2 * GAMMA ** bin) / (GAMMA + 1);
}

/** Adds `weight` (negative to remove) items of value `ms`. */
export function addValue(bins: Bins, ms: number, weight = 1): void {
  addToBin(bins, binOf(ms), weight);
}

function addToBin(bins: Bins, bin: number, weight: number): void {
  const next = (bins.get(bin) ?? 0) + weight;
  if (next === 0) bins.delete(bin);
  else bins.set(bin, next);
}

/**
 * Adds the counts of a stored histogram's parsed JSON ({bin: count}) into `into`, without building a Map
 * of it first: readers merging tens of thousands of rows spend most of their time there otherwise.
 */
export function mergeParsedBins(into: Bins, from: Readonly<Record<string, number>>): void {
  for (const bin in from) addToBin(into, Number(bin), from[bin]!); // for…in: no entry arrays
}

/** Adds every count of `from` (times `sign`) into `into`. */
export function mergeBins(into: Bins, from: Bins, sign: 1 | -1 = 1): void {
  for (const [bin, count] of from) addToBin(into, bin, sign * count);
}

/**
 * Adds `from`'s counts into a stored histogram, dropping bins whose count falls to zero or below (a
 * stored histogram never holds those). Only `from`'s bins can change, so only those are looked at:
 * the writer applies small deltas to large hot histograms.
 */
export function mergeIntoStored(into: Bins, from: Bins): void {
  for (const [bin, count] of from) {
    const next = (into.get(bin) ?? 0) + count;
    if (next > 0) into.set(bin, next);
    else into.delete(bin);
  }
}

/** The highest bin holding anything, or null when empty. */
export function highestBin(bins: Bins): number | null {
  let top: number | null = null;
  for (const [bin, count] of bins) if (count > 0 && (top === null || bin > top)) top = bin;
  return top;
}

/** Past this many bins between the lowest and the highest, quantiles() sorts instead of counting. */
const MAX_DENSE_RANGE = 65_536;

/**
 * Nearest-rank quantiles (q in [0, 1]) of a histogram, each within RELATIVE_ACCURACY, and capped by
 * `maxMs` when given (a quantile never exceeds the largest value). Null when the histogram is empty.
 */
export function quantiles(bins: Bins, qs: readonly number[], maxMs?: number): (number | null)[] {
  // Runs for every histogram row an ingest transaction touches. Bins are integers within a few
  // thousand of each other (binOf of any finite duration), so a counting sort over that range beats
  // sorting the keys; a histogram read from elsewhere with a wider spread takes the sorting path.
  let lo = Infinity;
  let hi = -Infinity;
  let total = 0;
  let integral = true;
  for (const [bin, count] of bins) {
    if (count <= 0) continue;
    total += count;
    integral &&= Number.isInteger(bin);
    if (bin < lo) lo = bin;
    if (bin > hi) hi = bin;
  }
  if (total === 0) return qs.map(() => null);
  const { keys, counts } = integral && hi - lo < MAX_DENSE_RANGE ? dense(bins, lo, hi) : sorted(bins);
  return qs.map((q) => {
    const rank = Math.max(1, Math.ceil(q * total));
    let i = 0;
    for (let seen = counts[0]!; seen < rank; seen += counts[++i]!); // stops by the last bin: the counts add up to total ≥ rank
    const value = binValue(keys ? keys[i]! : lo + i);
    return maxMs === undefined ? value : Math.min(value, maxMs);
  });
}

/** Counts by position from `lo` (empty bins count 0); keys null: the key of position i is lo + i. */
function dense(bins: Bins, lo: number, hi: number): { keys: null; counts: Float64Array } {
  const counts = new Float64Array(hi - lo + 1);
  for (const [bin, count] of bins) if (count > 0) counts[bin - lo] = count;
  return { keys: null, counts };
}

/** The non-empty bins in ascending order with their counts. */
function sorted(bins: Bins): { keys: Float64Array; counts: Float64Array } {
  const keys = Float64Array.from([...bins].filter(([, count]) => count > 0).map(([bin]) => bin)).sort();
  return { keys, counts: keys.map((bin) => bins.get(bin)!) };
}

/**
 * Compact JSON text `{"bin":count,…}` for storage, in the Map's order: key order carries no meaning, and
 * sorting here would cost the writer as much as the percentiles do.
 */
export function encodeBins(bins: Bins): string {
  let text = "";
  for (const [bin, count] of bins) if (count !== 0) text += `${text ? "," : ""}"${bin}":${count}`;
  return `{${text}}`;
}

/** Parses encodeBins' text; tolerates null/empty (dimensions without histograms). */
export function decodeBins(text: string | null | undefined): Bins {
  const bins: Bins = new Map();
  if (!text) return bins;
  const parsed = JSON.parse(text) as Record<string, number>;
  for (const bin in parsed) bins.set(Number(bin), parsed[bin]!); // for…in: no entry arrays (ingest reads many rows)
  return bins;
}
