// parseTraceFilters: query parameters of GET /api/v1/traces; every error names its parameter.
import { describe, expect, it } from "vitest";
import { parseTraceFilters } from "@/lib/trace/trace-params";

const parse = (query: string, options?: { ignoreUnknown?: boolean }) => parseTraceFilters(new URLSearchParams(query), options);
const CURSOR = "0af7651916cd43dd8448eb211c80319c";

describe("defaults", () => {
  it("limit 50, newest first, no filters", () => {
    expect(parse("")).toEqual({ ok: true, filters: {}, limit: 50, cursor: undefined, sort: "time", order: "desc" });
  });
});

describe("valid values", () => {
  it.each<[string, Record<string, unknown>]>([
    ["limit=1", { limit: 1 }],
    ["limit=500", { limit: 500 }],
    [`cursor=${CURSOR}`, { cursor: CURSOR }],
    ["sort=cost&order=asc", { sort: "cost", order: "asc" }],
    ["sort=duration", { sort: "duration" }],
  ])("%s", (query, expected) => {
    const result = parse(query);
    expect(result.ok && result).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ["from=2026-11-21T10:00:00Z", { from: new Date("2026-11-21T10:00:00Z") }],
    ["to=2026-11-21", { to: new Date("2026-11-21T00:00:00Z") }],
    ["from=2026-11-21T10:00:00.123%2B02:00", { from: new Date("2026-11-21T08:00:00.123Z") }],
    ["from=2026-11-21T10:00:00Z&to=2026-11-21T10:00:00Z", { from: new Date("2026-11-21T10:00:00Z"), to: new Date("2026-11-21T10:00:00Z") }],
    ["q=%20refund%20", { q: "refund" }],
    ["status=ok", { status: "ok" }],
    ["status=error", { status: "error" }],
    ["name=run&agent=planner&model=gpt-4o&tool=search", { name: "run", agent: "planner", model: "gpt-4o", tool: "search" }],
    ["sessionId=s-1&userId=u-1", { sessionId: "s-1", userId: "u-1" }],
    ["minCostUsd=0&maxCostUsd=0.5", { minCostUsd: 0, maxCostUsd: 0.5 }],
    ["minDurationMs=10&maxDurationMs=10", { minDurationMs: 10, maxDurationMs: 10 }],
    ["minCostUsd=1e-3", { minCostUsd: 0.001 }],
    ["finding=tool_loop", { finding: "tool_loop" }],
    ["finding=failure&failureMode=provider_rate_limit", { finding: "failure", failureMode: "provider_rate_limit" }],
  ])("filter %s", (query, expected) => {
    const result = parse(query);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.filters).toEqual(expected);
  });
});

describe("invalid values name the parameter", () => {
  it.each<[string, string, string]>([
    ["limit=abc", "limit", "must be a number"],
    ["limit=0", "limit", "must be at least 1"],
    ["limit=-5", "limit", "must be at least 1"],
    ["limit=501", "limit", "must be at most 500"],
    ["limit=2.5", "limit", "must be a whole number"],
    ["limit=", "limit", "must be at least 1"],
    ["cursor=abc", "cursor", "must be a nextCursor value from a previous page"],
    [`cursor=${CURSOR.toUpperCase()}`, "cursor", "must be a nextCursor value from a previous page"],
    ["from=yesterday", "from", "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z"],
    ["to=2026-13-45", "to", "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z"],
    ["from=1763719200000", "from", "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z"],
    ["q=%20%20", "q", "must not be empty"],
    [`q=${"x".repeat(501)}`, "q", "must be at most 500 characters"],
    ["status=unset", "status", "must be ok or error"],
    ["status=OK", "status", "must be ok or error"],
    ["name=", "name", "must not be empty"],
    ["agent=%20", "agent", "must not be empty"],
    ["model=", "model", "must not be empty"],
    ["tool=", "tool", "must not be empty"],
    ["sessionId=", "sessionId", "must not be empty"],
    ["userId=", "userId", "must not be empty"],
    ["minCostUsd=cheap", "minCostUsd", "must be a number"],
    ["maxCostUsd=-1", "maxCostUsd", "must be 0 or more"],
    ["minDurationMs=-0.5", "minDurationMs", "must be 0 or more"],
    ["maxDurationMs=ten", "maxDurationMs", "must be a number"],
    ["sort=name", "sort", "must be time, duration or cost"],
    ["order=up", "order", "must be asc or desc"],
    ["finding=loop", "finding", "must be one of tool_loop, agent_cycle, repeated_llm_call, failure"],
    ["failureMode=rate_limit", "failureMode", expect.stringMatching(/^must be one of tool_error, provider_rate_limit, .*, unknown_error$/)],
  ])("%s", (query, parameter, message) => {
    expect(parse(query)).toEqual({ ok: false, parameter, message });
  });

  it.each(["minCostUsd=Infinity", "maxDurationMs=Infinity", "limit=Infinity"])("rejects %s as not a number", (query) => {
    expect(parse(query)).toEqual({ ok: false, parameter: query.split("=")[0], message: "must be a number" });
  });
});

describe("ranges", () => {
  it.each<[string, string, string]>([
    ["from=2026-11-21T10:00:00Z&to=2026-11-21T09:59:59Z", "to", "must not be less than from"],
    ["minCostUsd=1&maxCostUsd=0.5", "maxCostUsd", "must not be less than minCostUsd"],
    ["minDurationMs=100&maxDurationMs=99", "maxDurationMs", "must not be less than minDurationMs"],
  ])("%s", (query, parameter, message) => {
    expect(parse(query)).toEqual({ ok: false, parameter, message });
  });
});

describe("unknown parameters", () => {
  it.each(["foo=1", "Limit=5", "minCost=1", "range=1h"])("%s is an error for the API, listing what is allowed", (query) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.parameter).toBe(query.split("=")[0]);
      expect(result.message).toBe(
        "unknown parameter; allowed: limit, cursor, from, to, q, status, name, agent, model, tool, graphNode, graphEdge, sessionId, userId, minCostUsd, maxCostUsd, minDurationMs, maxDurationMs, finding, failureMode, sort, order, tag, traceId, score.<name>.min|max|label",
      );
    }
  });

  it("ignores unknown and empty parameters for pages (ignoreUnknown)", () => {
    expect(parse("range=1h&live=1&q=&status=error&limit=", { ignoreUnknown: true })).toEqual({
      ok: true,
      filters: { status: "error" },
      limit: 50,
      cursor: undefined,
      sort: "time",
      order: "desc",
    });
  });

  it("still validates known parameters with ignoreUnknown", () => {
    expect(parse("range=1h&limit=0", { ignoreUnknown: true })).toEqual({ ok: false, parameter: "limit", message: "must be at least 1" });
  });
});
