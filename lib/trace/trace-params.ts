// Query-string parameters of GET /api/v1/traces, validated once for the JSON API and the trace list
// page alike (and read by the OpenAPI document, lib/api/openapi/). Every error names the parameter.
import { z } from "zod";
import { tagText } from "@/lib/retro/collab/comment-schemas";
import { FAILURE_MODES, FINDING_TYPES } from "@/lib/retro/finding-kinds";
import type { TraceFilters, TraceSort } from "@/lib/trace/types";
import { isScoreFilterKey, parseScoreFilters } from "./score-filters";

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => new Date(v));
// Empty text would coerce to 0 and silently filter to free or instant traces: refuse it first.
const amount = z
  .string()
  .trim()
  .min(1, "must be a number")
  .transform(Number)
  .pipe(z.number({ message: "must be a number" }).finite("must be a finite number").min(0, "must be 0 or more"));
const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(500, "must be at most 500 characters")
  .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");

/** Each parameter of GET /api/v1/traces, validated on its own (all optional). */
export const TRACE_LIST_PARAMS = {
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500"),
  cursor: z.string().regex(/^[0-9a-f]{32}$/, "must be a nextCursor value from a previous page"),
  from: isoDate,
  to: isoDate,
  q: text,
  status: z.enum(["ok", "error"], { message: "must be ok or error" }),
  name: text,
  agent: text,
  model: text,
  tool: text,
  /** A pipeline-map node or edge id (GET /api/v1/graph): traces that ran through it. */
  graphNode: text,
  graphEdge: text,
  sessionId: text,
  userId: text,
  minCostUsd: amount,
  maxCostUsd: amount,
  minDurationMs: amount,
  maxDurationMs: amount,
  finding: z.enum(FINDING_TYPES, { message: `must be one of ${FINDING_TYPES.join(", ")}` }),
  failureMode: z.enum(FAILURE_MODES, { message: `must be one of ${FAILURE_MODES.join(", ")}` }),
  sort: z.enum(["time", "duration", "cost"], { message: "must be time, duration or cost" }),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }),
  // Repeatable: every tag given must be on the trace.
  tag: tagText,
  // Repeatable: traces with any of these ids (a selection made in the trace list, for its export).
  traceId: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
    .transform((v) => v.toLowerCase()),
} as const;

/** At most this many `traceId` parameters in one query (a selection, not a way to list everything). */
export const MAX_TRACE_ID_FILTERS = 500;

/** A trace id in a URL: 32 hexadecimal characters (answers use lower case). */
export const traceIdSchema = z.string().regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters");

export type TraceQuery = { filters: TraceFilters; limit: number; cursor?: string; sort: TraceSort; order: "asc" | "desc" };
export type ParsedTraceQuery = ({ ok: true } & TraceQuery) | { ok: false; parameter: string; message: string };

/**
 * Validates the parameters. Unknown parameters are errors for the API (a typo must not silently
 * return everything); pages pass `ignoreUnknown` because their URLs carry view state too.
 */
export function parseTraceFilters(params: URLSearchParams, options: { ignoreUnknown?: boolean } = {}): ParsedTraceQuery {
  const values: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    if (isScoreFilterKey(key)) continue;
    const schema = TRACE_LIST_PARAMS[key as keyof typeof TRACE_LIST_PARAMS];
    if (!schema) {
      if (options.ignoreUnknown) continue;
      return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(TRACE_LIST_PARAMS).join(", ")}, score.<name>.min|max|label` };
    }
    if (raw === "" && options.ignoreUnknown) continue;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    if (key === "tag") values.tags = [...((values.tags as string[] | undefined) ?? []), parsed.data];
    else if (key === "traceId") values.traceIds = [...((values.traceIds as string[] | undefined) ?? []), parsed.data];
    else values[key] = parsed.data;
  }
  if (((values.traceIds as string[] | undefined)?.length ?? 0) > MAX_TRACE_ID_FILTERS) {
    return { ok: false, parameter: "traceId", message: `at most ${MAX_TRACE_ID_FILTERS} trace ids` };
  }
  const { limit = 50, cursor, sort = "time", order = "desc", ...filters } = values as Partial<TraceQuery & TraceFilters>;
  const pairs: [keyof TraceFilters, keyof TraceFilters][] = [
    ["from", "to"],
    ["minCostUsd", "maxCostUsd"],
    ["minDurationMs", "maxDurationMs"],
  ];
  for (const [low, high] of pairs) {
    const a = filters[low],
      b = filters[high];
    if (a !== undefined && b !== undefined && a > b) return { ok: false, parameter: String(high), message: `must not be less than ${String(low)}` };
  }
  const scores = parseScoreFilters(params, { ignoreEmpty: options.ignoreUnknown });
  if (!scores.ok) return scores;
  if (scores.filters.length > 0) filters.scores = scores.filters;
  return { ok: true, filters: filters, limit, cursor, sort, order };
}
