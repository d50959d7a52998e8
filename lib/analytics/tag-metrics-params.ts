// Query-string parameters of GET /api/v1/metrics/tags: from, to, bucket (1h|1d) and limit (how many of
// the most used tags). Defaults like the other metrics endpoints: `to` = now, `from` = `to` − 24 h, the
// finest bucket giving at most DEFAULT_MAX_BUCKETS buckets, the top 10 tags. Pure.
import { z } from "zod";
import type { Bucket } from "./buckets";
import { parseRangedParams } from "./ranged-params";

export const TAG_BUCKETS = ["1h", "1d"] as const satisfies readonly Bucket[];
export type TagBucket = (typeof TAG_BUCKETS)[number];
export const MAX_TAG_SERIES = 50;

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));

export const TAG_METRICS_PARAMS = {
  from: isoDate,
  to: isoDate,
  bucket: z.enum(TAG_BUCKETS, { message: `must be one of ${TAG_BUCKETS.join(", ")}` }),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_TAG_SERIES, `must be at most ${MAX_TAG_SERIES}`),
} as const;

export type TagMetricsQuery = { fromMs: number; toMs: number; bucket: TagBucket; limit: number };
export type ParsedTagMetricsQuery = ({ ok: true } & TagMetricsQuery) | { ok: false; parameter: string; message: string };

export function parseTagMetricsParams(params: URLSearchParams, nowMs = Date.now()): ParsedTagMetricsQuery {
  const parsed = parseRangedParams<{ from?: number; to?: number; bucket?: TagBucket; limit?: number }>(params, TAG_METRICS_PARAMS, TAG_BUCKETS, nowMs);
  if (!parsed.ok) return parsed;
  return { ok: true, fromMs: parsed.fromMs, toMs: parsed.toMs, bucket: parsed.bucket as TagBucket, limit: parsed.values.limit ?? 10 };
}

export type TagCountPoint = { bucketStart: string; tag: string; traces: number };
export type TagCountRow = { tag: string; bucketStartMs: number; traces: number };

/**
 * The points of the `limit` tags carried by the most traces over the whole range (ties by tag name), in
 * bucket then tag order. Tags are compared by code unit, the same on every database.
 */
export function topTagPoints(rows: readonly TagCountRow[], limit: number): TagCountPoint[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.tag, (totals.get(row.tag) ?? 0) + row.traces);
  const top = new Set(
    [...totals]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([tag]) => tag),
  );
  return rows
    .filter((row) => top.has(row.tag))
    .sort((x, y) => x.bucketStartMs - y.bucketStartMs || (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0))
    .map((row) => ({ bucketStart: new Date(row.bucketStartMs).toISOString(), tag: row.tag, traces: row.traces }));
}
