// Query-string parameters of GET /api/v1/graph, validated like the metrics endpoints': unknown parameters
// and bad values answer 400 naming the parameter. Defaults: `to` = now, `from` = `to` − 24 h. A comparison
// period is `compareFrom` … `compareTo` (both or neither; e.g. the week before).
import { z } from "zod";

const DAY_MS = 86_400_000;
/** A year of daily rows per edge is still cheap; longer ranges are refused rather than slow. */
export const MAX_GRAPH_RANGE_MS = 366 * DAY_MS;

export type GraphQuery = { fromMs: number; toMs: number; task?: string; agent?: string; compare?: { fromMs: number; toMs: number } };
export type ParsedGraphQuery = ({ ok: true } & GraphQuery) | { ok: false; parameter: string; message: string };

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));
const name = z.string().min(1, "must not be empty").max(500, "must be at most 500 characters");

export const GRAPH_PARAMS = { from: isoDate, to: isoDate, task: name, agent: name, compareFrom: isoDate, compareTo: isoDate };

type Values = { from?: number; to?: number; task?: string; agent?: string; compareFrom?: number; compareTo?: number };
type Failure = Extract<ParsedGraphQuery, { ok: false }>;

function range(fromMs: number, toMs: number, names: [string, string]): Failure | null {
  if (fromMs >= toMs) return { ok: false, parameter: names[1], message: `must be later than ${names[0]}` };
  if (toMs - fromMs > MAX_GRAPH_RANGE_MS) return { ok: false, parameter: names[0], message: "the range must be at most 366 days" };
  return null;
}

export function parseGraphParams(params: URLSearchParams, nowMs = Date.now()): ParsedGraphQuery {
  const values: Values = {};
  for (const [key, raw] of params) {
    const schema = GRAPH_PARAMS[key as keyof typeof GRAPH_PARAMS];
    if (!schema) return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(GRAPH_PARAMS).join(", ")}` };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    Object.assign(values, { [key]: parsed.data });
  }
  const toMs = values.to ?? nowMs;
  const fromMs = values.from ?? toMs - DAY_MS;
  const bad = range(fromMs, toMs, ["from", "to"]);
  if (bad) return bad;
  const query: GraphQuery = { fromMs, toMs };
  if (values.task !== undefined) query.task = values.task;
  if (values.agent !== undefined) query.agent = values.agent;
  if ((values.compareFrom === undefined) !== (values.compareTo === undefined)) {
    const missing = values.compareFrom === undefined ? "compareFrom" : "compareTo";
    return { ok: false, parameter: missing, message: "compareFrom and compareTo go together" };
  }
  if (values.compareFrom !== undefined && values.compareTo !== undefined) {
    const badCompare = range(values.compareFrom, values.compareTo, ["compareFrom", "compareTo"]);
    if (badCompare) return badCompare;
    query.compare = { fromMs: values.compareFrom, toMs: values.compareTo };
  }
  return { ok: true, ...query };
}
