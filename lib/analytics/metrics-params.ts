// Query-string parameters of GET /api/v1/metrics/latency, /cost and /findings, validated like the trace
// list's: unknown parameters and bad values answer 400 naming the parameter.
//
// Defaults: `to` = now, `from` = `to` − 24 h, `bucket` = the finest allowed one giving at most
// DEFAULT_MAX_BUCKETS buckets (24 h → 5m for latency, 1h for cost and findings), `groupBy` = name (latency),
// task (cost) or type (findings), `top` (cost only) = DEFAULT_TOP. A request whose range and bucket would give
// more than MAX_BUCKETS buckets is refused.
import { z } from "zod";
import { bucketSpan, defaultBucket, MAX_BUCKETS, type Bucket } from "./buckets";
import {
  COST_BUCKETS,
  COST_GROUP_BY,
  FINDINGS_BUCKETS,
  FINDINGS_GROUP_BY,
  LATENCY_BUCKETS,
  LATENCY_GROUP_BY,
  type CostGroupBy,
  type FindingsGroupBy,
  type LatencyGroupBy,
} from "./dimensions";

const DAY_MS = 86_400_000;

export type MetricsQuery<G extends string> = { fromMs: number; toMs: number; bucket: Bucket; groupBy: G };
type Refusal = { ok: false; parameter: string; message: string };
export type ParsedMetricsQuery<G extends string> = ({ ok: true } & MetricsQuery<G>) | Refusal;

/**
 * A cost query keeps the `top` groups of the range (by cost) and folds the rest into one "(other)" point
 * per bucket; null keeps every group. A chart of thousands of users' lines is unreadable, and tens of
 * thousands of points are what made such answers slow.
 */
export type CostQuery = MetricsQuery<CostGroupBy> & { top: number | null };
export type ParsedCostQuery = ({ ok: true } & CostQuery) | Refusal;
export const DEFAULT_TOP = 20;
export const MAX_TOP = 1000;

export type MetricsSpec<G extends string> = { buckets: readonly Bucket[]; groupBys: readonly G[]; defaultGroupBy: G };

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));

const list = (values: readonly string[]) => values.join(", ");

/** Each parameter of a metrics endpoint, validated on its own (all optional). */
export function paramSchemas<G extends string>(spec: MetricsSpec<G>) {
  return {
    from: isoDate,
    to: isoDate,
    bucket: z.enum(spec.buckets as [Bucket, ...Bucket[]], { message: `must be one of ${list(spec.buckets)}` }),
    groupBy: z.enum(spec.groupBys as [G, ...G[]], { message: `must be one of ${list(spec.groupBys)}` }),
  };
}

const LATENCY_SPEC: MetricsSpec<LatencyGroupBy> = { buckets: LATENCY_BUCKETS, groupBys: LATENCY_GROUP_BY, defaultGroupBy: "name" };
const COST_SPEC: MetricsSpec<CostGroupBy> = { buckets: COST_BUCKETS, groupBys: COST_GROUP_BY, defaultGroupBy: "task" };
const FINDINGS_SPEC: MetricsSpec<FindingsGroupBy> = { buckets: FINDINGS_BUCKETS, groupBys: FINDINGS_GROUP_BY, defaultGroupBy: "type" };
export const LATENCY_PARAMS = paramSchemas(LATENCY_SPEC);
export const COST_PARAMS = {
  ...paramSchemas(COST_SPEC),
  top: z
    .string()
    .regex(/^(all|[1-9]\d*)$/, `must be a whole number from 1 to ${MAX_TOP}, or all`)
    .transform((v) => (v === "all" ? null : Number(v)))
    .refine((v) => v === null || v <= MAX_TOP, `must be a whole number from 1 to ${MAX_TOP}, or all`),
};
export const FINDINGS_PARAMS = paramSchemas(FINDINGS_SPEC);

/** Validates the parameters of a metrics endpoint described by `spec` (its schemas from paramSchemas). */
export function parseMetricsParams<G extends string>(
  params: URLSearchParams,
  spec: MetricsSpec<G>,
  schemas: ReturnType<typeof paramSchemas<G>>,
  nowMs: number,
): ParsedMetricsQuery<G> {
  const parsed = parseWithValues(params, spec, schemas, nowMs);
  return parsed.ok ? parsed.query : parsed;
}

/** The query, and every value given (endpoints with parameters of their own read theirs from `values`). */
function parseWithValues<G extends string>(
  params: URLSearchParams,
  spec: MetricsSpec<G>,
  schemas: Record<string, z.ZodType>,
  nowMs: number,
): { ok: true; query: { ok: true } & MetricsQuery<G>; values: Record<string, unknown> } | Refusal {
  const values: { from?: number; to?: number; bucket?: Bucket; groupBy?: G } & Record<string, unknown> = {};
  for (const [key, raw] of params) {
    const schema = schemas[key];
    if (!schema) return { ok: false, parameter: key, message: `unknown parameter; allowed: ${list(Object.keys(schemas))}` };
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
  const bucket = values.bucket ?? defaultBucket(fromMs, toMs, spec.buckets);
  const { buckets } = bucketSpan(fromMs, toMs, bucket);
  if (buckets > MAX_BUCKETS) {
    const parameter = values.bucket ? "bucket" : "from";
    return {
      ok: false,
      parameter,
      message: `from … to at ${bucket} gives ${buckets} buckets, more than ${MAX_BUCKETS}: use a larger bucket or a shorter range`,
    };
  }
  return { ok: true, query: { ok: true, fromMs, toMs, bucket, groupBy: values.groupBy ?? spec.defaultGroupBy }, values };
}

/** Parameters of GET /api/v1/metrics/latency. */
export function parseLatencyParams(params: URLSearchParams, nowMs = Date.now()): ParsedMetricsQuery<LatencyGroupBy> {
  return parseMetricsParams(params, LATENCY_SPEC, LATENCY_PARAMS, nowMs);
}

/** Parameters of GET /api/v1/metrics/cost. */
export function parseCostParams(params: URLSearchParams, nowMs = Date.now()): ParsedCostQuery {
  const parsed = parseWithValues(params, COST_SPEC, COST_PARAMS, nowMs);
  if (!parsed.ok) return parsed;
  const top = parsed.values.top as number | null | undefined;
  return { ...parsed.query, top: top === undefined ? DEFAULT_TOP : top };
}

/** Parameters of GET /api/v1/metrics/findings. */
export function parseFindingsParams(params: URLSearchParams, nowMs = Date.now()): ParsedMetricsQuery<FindingsGroupBy> {
  return parseMetricsParams(params, FINDINGS_SPEC, FINDINGS_PARAMS, nowMs);
}
