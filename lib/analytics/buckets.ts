// Time buckets of the analytics API and the stored granularities behind them. Buckets are aligned to
// UTC (multiples of their size since the epoch, so days start at 00:00Z); an item belongs to the
// bucket holding its start time. A request reads the coarsest stored granularity that divides its
// bucket: 1m and 5m from minute rows, 1h from hour rows, 1d from day rows. Pure.

export const BUCKET_MS = { "1m": 60_000, "5m": 300_000, "1h": 3_600_000, "1d": 86_400_000 } as const;
export type Bucket = keyof typeof BUCKET_MS;

export const GRANULARITY_MS = { "1m": 60_000, "1h": 3_600_000, "1d": 86_400_000 } as const;
export type Granularity = keyof typeof GRANULARITY_MS;

/** Stored rows a bucket is read from. */
export const GRANULARITY_OF: Record<Bucket, Granularity> = { "1m": "1m", "5m": "1m", "1h": "1h", "1d": "1d" };

/** A request may ask for at most this many buckets (24 h of 1m buckets fit). */
export const MAX_BUCKETS = 1500;
/** Without an explicit bucket, the finest one giving at most this many buckets is chosen. */
export const DEFAULT_MAX_BUCKETS = 800;

/** Start of the bucket of size `sizeMs` holding `ms`. */
export const alignDown = (ms: number, sizeMs: number) => Math.floor(ms / sizeMs) * sizeMs;
/** Smallest bucket boundary ≥ `ms`. */
export const alignUp = (ms: number, sizeMs: number) => Math.ceil(ms / sizeMs) * sizeMs;

/**
 * The whole buckets overlapping [fromMs, toMs): every item of those buckets is counted, so a range
 * that is not aligned to the bucket grows to the enclosing boundaries.
 */
export function bucketSpan(fromMs: number, toMs: number, bucket: Bucket): { startMs: number; endMs: number; buckets: number } {
  const size = BUCKET_MS[bucket];
  const startMs = alignDown(fromMs, size);
  const endMs = Math.max(alignUp(toMs, size), startMs + size);
  return { startMs, endMs, buckets: (endMs - startMs) / size };
}

/** The finest of `allowed` (ordered fine → coarse) giving at most DEFAULT_MAX_BUCKETS; else the coarsest. */
export function defaultBucket<B extends Bucket>(fromMs: number, toMs: number, allowed: readonly B[]): B {
  return allowed.find((b) => bucketSpan(fromMs, toMs, b).buckets <= DEFAULT_MAX_BUCKETS) ?? allowed[allowed.length - 1]!;
}
