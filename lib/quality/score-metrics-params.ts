// Query-string parameters of GET /api/v1/metrics/scores: from, to, bucket (1h|1d), groupBy
// (name|task|agent|model) and name (one score). Defaults like the other metrics endpoints: `to` = now,
// `from` = `to` − 24 h, the finest bucket giving at most DEFAULT_MAX_BUCKETS buckets, groupBy name.
// Unknown parameters and bad values answer 400 naming the parameter. Pure.
import { z } from "zod";
import { bucketSpan, defaultBucket, MAX_BUCKETS, type Bucket } from "@/lib/analytics/buckets";

export const SCORE_BUCKETS = ["1h", "1d"] as const satisfies readonly Bucket[];
export type ScoreBucket = (typeof SCORE_BUCKETS)[number];
export const SCORE_GROUP_BY = ["name", "task", "agent", "model"] as const;
export type ScoreGroupBy = (typeof SCORE_GROUP_BY)[number];

const DAY_MS = 86_400_000;

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));

export const SCORE_METRICS_PARAMS = {
  from: isoDate,
  to: isoDate,
  bucket: z.enum(SCORE_BUCKETS, { message: `must be one of ${SCORE_BUCKETS.join(", ")}` }),
  groupBy: z.enum(SCORE_GROUP_BY, { message: `must be one of ${SCORE_GROUP_BY.join(", ")}` }),
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
} as const;

export type ScoreMetricsQuery = { fromMs: number; toMs: number; bucket: ScoreBucket; groupBy: ScoreGroupBy; name?: string };
export type ParsedScoreMetricsQuery = ({ ok: true } & ScoreMetricsQuery) | { ok: false; parameter: string; message: string };

export function parseScoreMetricsParams(params: URLSearchParams, nowMs = Date.now()): ParsedScoreMetricsQuery {
  const values: { from?: number; to?: number; bucket?: ScoreBucket; groupBy?: ScoreGroupBy; name?: string } = {};
  for (const [key, raw] of params) {
    const schema = SCORE_METRICS_PARAMS[key as keyof typeof SCORE_METRICS_PARAMS];
    if (!schema) return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(SCORE_METRICS_PARAMS).join(", ")}` };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    Object.assign(values, { [key]: parsed.data });
  }
  const toMs = values.to ?? nowMs;
  const fromMs = values.from ?? toMs - DAY_MS;
  if (fromMs >= toMs) {
    return values.to === undefined
      ? { ok: false, parameter: "from", message: "must be earlier than to (default: now)" }
      : { ok: false, parameter: "to", message: "must be later than from" };
  }
  const bucket = values.bucket ?? defaultBucket(fromMs, toMs, SCORE_BUCKETS);
  const { buckets } = bucketSpan(fromMs, toMs, bucket);
  if (buckets > MAX_BUCKETS) {
    return {
      ok: false,
      parameter: values.bucket ? "bucket" : "from",
      message: `from … to at ${bucket} gives ${buckets} buckets, more than ${MAX_BUCKETS}: use a larger bucket or a shorter range`,
    };
  }
  return { ok: true, fromMs, toMs, bucket, groupBy: values.groupBy ?? "name", ...(values.name ? { name: values.name } : {}) };
}
