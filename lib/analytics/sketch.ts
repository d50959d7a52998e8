// Duration histograms with bounded relative error: the log-bucket mapping of DDSketch (Masson, Rim and
// Lee, VLDB 2019). A value v > 0 lands in bin i = ceil(log_γ v), i.e. (γ^(i-1), γ^i], with
// γ = (1+α)/(1-α); the bin's representative 2γ^i/(γ+1) is within α of every value in it. Bins of
// the same mapping merge by adding counts and un-merge by subtracting them, which is what lets
// rollups move a trace from one bucket to another when a late span changes it.
//
// α = 0.9 % (not 1 %) leaves room for floating-point rounding under api.md's "within 1 %".
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

/** Adds every count of `from` (times `sign`) into `into`. */
export function mergeBins(into: Bins, from: Bins, sign: 1 | -1 = 1): void {
  for (const [bin, count] of from) addToBin(into, bin, sign * count);
}

/** Drops bins whose count fell to zero or below (a stored histogram never holds those). */
export function dropEmptyBins(bins: Bins): void {
  for (const [bin, count] of bins) if (count <= 0) bins.delete(bin);
}

/** The highest bin holding anything, or null when empty. */
export function highestBin(bins: Bins): number | null {
  let top: number | null = null;
  for (const [bin, count] of bins) if (count > 0 && (top === null || bin > top)) top = bin;
  return top;
}

/**
 * Nearest-rank quantiles (q in [0, 1]) of a histogram, each within RELATIVE_ACCURACY, and capped by
 * `maxMs` when given (a quantile never exceeds the largest value). Null when the histogram is empty.
 */
export function quantiles(bins: Bins, qs: readonly number[], maxMs?: number): (number | null)[] {
  // Runs for every histogram row an ingest transaction touches: typed arrays, no entry pairs.
  const sorted = new Float64Array(bins.size);
  let n = 0;
  for (const [bin, count] of bins) if (count > 0) sorted[n++] = bin;
  const keys = sorted.subarray(0, n).sort();
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += bins.get(keys[i]!)!;
  return qs.map((q) => {
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * total));
    let i = 0;
    while (cumulative[i]! < rank) i++; // stops by the last bin: cumulative[n - 1] = total ≥ rank
    return maxMs === undefined ? binValue(keys[i]!) : Math.min(binValue(keys[i]!), maxMs);
  });
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
