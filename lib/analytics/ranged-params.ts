// The query-string reading that range-and-bucket endpoints share (drift, score metrics): every parameter
// known and valid, `from` … `to` (default: the last 24 h) in order, and a bucket (default: the finest that
// fits) giving at most MAX_BUCKETS buckets. Pure.
import type { z } from "zod";
import { bucketSpan, defaultBucket, MAX_BUCKETS, type Bucket } from "./buckets";

const DAY_MS = 86_400_000;

type Refusal = { ok: false; parameter: string; message: string };
export type RangedParams<V> = { ok: true; values: V; fromMs: number; toMs: number; bucket: Bucket } | Refusal;

export function parseRangedParams<V extends { from?: number; to?: number; bucket?: Bucket }>(
  params: URLSearchParams,
  schemas: Record<string, z.ZodType>,
  buckets: readonly Bucket[],
  nowMs: number,
): RangedParams<V> {
  const values: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    const schema = schemas[key];
    if (!schema) return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(schemas).join(", ")}` };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    values[key] = parsed.data;
  }
  const { from, to, bucket: asked } = values as V;
  const toMs = to ?? nowMs;
  const fromMs = from ?? toMs - DAY_MS;
  if (fromMs >= toMs) {
    return to === undefined
      ? { ok: false, parameter: "from", message: "must be earlier than to (default: now)" }
      : { ok: false, parameter: "to", message: "must be later than from" };
  }
  const bucket = asked ?? defaultBucket(fromMs, toMs, buckets);
  const count = bucketSpan(fromMs, toMs, bucket).buckets;
  if (count > MAX_BUCKETS) {
    return {
      ok: false,
      parameter: asked ? "bucket" : "from",
      message: `from … to at ${bucket} gives ${count} buckets, more than ${MAX_BUCKETS}: use a larger bucket or a shorter range`,
    };
  }
  return { ok: true, values: values as V, fromMs, toMs, bucket };
}
