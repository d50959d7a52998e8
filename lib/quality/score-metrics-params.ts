// Query-string parameters of GET /api/v1/metrics/scores: from, to, bucket (1h|1d), groupBy
// (name|task|agent|model) and name (one score). Defaults like the other metrics endpoints: `to` = now,
// `from` = `to` − 24 h, the finest bucket giving at most DEFAULT_MAX_BUCKETS buckets, groupBy name.
// Unknown parameters and bad values answer 400 naming the parameter. Pure.
import { z } from "zod";
import type { Bucket } from "@/lib/analytics/buckets";
import { parseRangedParams } from "@/lib/analytics/ranged-params";

export const SCORE_BUCKETS = ["1h", "1d"] as const satisfies readonly Bucket[];
export type ScoreBucket = (typeof SCORE_BUCKETS)[number];
export const SCORE_GROUP_BY = ["name", "task", "agent", "model"] as const;
export type ScoreGroupBy = (typeof SCORE_GROUP_BY)[number];

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
  const parsed = parseRangedParams<{ from?: number; to?: number; bucket?: ScoreBucket; groupBy?: ScoreGroupBy; name?: string }>(
    params,
    SCORE_METRICS_PARAMS,
    SCORE_BUCKETS,
    nowMs,
  );
  if (!parsed.ok) return parsed;
  const { values, fromMs, toMs, bucket } = parsed;
  return { ok: true, fromMs, toMs, bucket: bucket as ScoreBucket, groupBy: values.groupBy ?? "name", ...(values.name ? { name: values.name } : {}) };
}
