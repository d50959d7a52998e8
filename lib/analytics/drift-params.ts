// Query-string parameters of GET /api/v1/drift, validated like the metrics API's: unknown parameters
// and bad values answer 400 naming the parameter.
//
// Defaults: `to` = now, `from` = `to` − 24 h, `bucket` = 1h unless that gives more than
// DEFAULT_MAX_BUCKETS buckets, `groupBy` = task. `group` narrows the answer to one task or agent.
import { z } from "zod";
import { parseRangedParams } from "./ranged-params";
import type { Dimension } from "./dimensions";

export const DRIFT_BUCKETS = ["1h", "1d"] as const;
export type DriftBucket = (typeof DRIFT_BUCKETS)[number];
export const DRIFT_GROUP_BY = ["task", "agent"] as const;
export type DriftGroupBy = (typeof DRIFT_GROUP_BY)[number];
/** Task is the trace name; agent the trace's outermost agent (as in the metrics API). */
export const DRIFT_DIMENSION = { task: "trace.name", agent: "trace.agent" } as const satisfies Record<DriftGroupBy, Dimension>;

export type DriftQuery = { fromMs: number; toMs: number; bucket: DriftBucket; groupBy: DriftGroupBy; group?: string };
export type ParsedDriftQuery = ({ ok: true } & DriftQuery) | { ok: false; parameter: string; message: string };

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));

/** Each parameter of GET /api/v1/drift, validated on its own (all optional). */
export const DRIFT_PARAMS = {
  from: isoDate,
  to: isoDate,
  bucket: z.enum(DRIFT_BUCKETS, { message: `must be one of ${DRIFT_BUCKETS.join(", ")}` }),
  groupBy: z.enum(DRIFT_GROUP_BY, { message: `must be one of ${DRIFT_GROUP_BY.join(", ")}` }),
  group: z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
};

/** Parameters of GET /api/v1/drift. */
export function parseDriftParams(params: URLSearchParams, nowMs = Date.now()): ParsedDriftQuery {
  const parsed = parseRangedParams<{ from?: number; to?: number; bucket?: DriftBucket; groupBy?: DriftGroupBy; group?: string }>(
    params,
    DRIFT_PARAMS,
    DRIFT_BUCKETS,
    nowMs,
  );
  if (!parsed.ok) return parsed;
  const { values, fromMs, toMs, bucket } = parsed;
  return { ok: true, fromMs, toMs, bucket: bucket as DriftBucket, groupBy: values.groupBy ?? "task", ...(values.group ? { group: values.group } : {}) };
}
