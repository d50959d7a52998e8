// Which traces an evaluator runs on: the trace list's filters as an object ({ "name": "refund-flow",
// "minCostUsd": 0.01 }), validated by the very parser of GET /api/v1/traces, so an evaluator matches
// exactly the traces the list would show. The time range and paging do not apply (an evaluator runs on
// new traces; a backfill names its own range). Pure.
import { TRACE_LIST_PARAMS, parseTraceFilters } from "@/lib/trace/trace-params";
import type { TraceFilters } from "@/lib/trace/types";

export type EvaluatorFilter = Record<string, string>;

const NOT_FILTERS = new Set(["limit", "cursor", "sort", "order", "from", "to"]);
export const EVALUATOR_FILTER_KEYS = Object.keys(TRACE_LIST_PARAMS).filter((key) => !NOT_FILTERS.has(key));

type Checked = { ok: true; filter: EvaluatorFilter } | { ok: false; field: string; message: string };

/** Checks a filter object; values may be strings or numbers (kept as the list's text form). */
export function checkEvaluatorFilter(input: unknown): Checked {
  if (input === null || input === undefined) return { ok: true, filter: {} };
  if (typeof input !== "object" || Array.isArray(input)) return { ok: false, field: "filter", message: "must be an object of trace list filters" };
  const filter: EvaluatorFilter = {};
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (NOT_FILTERS.has(key))
      return { ok: false, field: `filter.${key}`, message: `is not a filter here; allowed: ${EVALUATOR_FILTER_KEYS.join(", ")}, score.<name>.min|max|label` };
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      return { ok: false, field: `filter.${key}`, message: "must be a string or a number" };
    }
    filter[key] = String(raw);
  }
  const parsed = parseTraceFilters(new URLSearchParams(Object.entries(filter)));
  if (!parsed.ok) return { ok: false, field: `filter.${parsed.parameter}`, message: parsed.message };
  return { ok: true, filter };
}

/** The stored filter as the trace list's validated filters (it was checked when saved). */
export function toTraceFilters(filter: EvaluatorFilter): TraceFilters {
  const parsed = parseTraceFilters(new URLSearchParams(Object.entries(filter)), { ignoreUnknown: true });
  return parsed.ok ? parsed.filters : {};
}
