// Which search parameters of the /traces page are filters of GET /api/v1/traces, so the page and the
// JSON API read the same query strings (the page adds only `range`, `live` and `span`).
import type { ResolvedTimeRange } from "@/lib/trace/time-range";
import { firstParam, type SearchParamsRecord } from "@/lib/trace/url-state";

/** Filter parameters of GET /api/v1/traces other than the time range. */
export const TRACE_FILTER_KEYS = [
  "q",
  "status",
  "name",
  "agent",
  "model",
  "tool",
  "sessionId",
  "userId",
  "minCostUsd",
  "maxCostUsd",
  "minDurationMs",
  "maxDurationMs",
  "finding",
  "failureMode",
] as const;

export type TraceFilterKey = (typeof TRACE_FILTER_KEYS)[number];

const PAGING_KEYS = ["limit", "cursor", "sort", "order"] as const;

/**
 * The query string to validate with the API's parser: the page's filters and paging, with `from`/`to`
 * taken from the resolved time range.
 */
export function buildTraceQuery(params: SearchParamsRecord, range: Pick<ResolvedTimeRange, "from" | "to">): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of [...TRACE_FILTER_KEYS, ...PAGING_KEYS]) {
    const value = firstParam(params, key)?.trim();
    if (value) query.set(key, value);
  }
  if (range.from) query.set("from", range.from);
  if (range.to) query.set("to", range.to);
  return query;
}

/** Number of filters set (time range excluded), for the "Filters (3)" badge and the empty-state choice. */
export function countActiveFilters(params: SearchParamsRecord): number {
  return TRACE_FILTER_KEYS.filter((key) => Boolean(firstParam(params, key)?.trim())).length;
}
