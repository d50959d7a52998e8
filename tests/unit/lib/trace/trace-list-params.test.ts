import { describe, expect, it } from "vitest";
import { buildTraceQuery, countActiveFilters } from "@/lib/trace/trace-list-params";

describe("buildTraceQuery", () => {
  it.each([
    { params: {}, range: {}, expected: "" },
    {
      params: { q: " hello ", range: "1h", live: "1", order: "asc" },
      range: { from: "2026-01-01T00:00:00.000Z" },
      expected: "q=hello&order=asc&from=2026-01-01T00%3A00%3A00.000Z",
    },
    {
      params: { status: "error", minCostUsd: "0.5", cursor: "abc", sort: "cost", name: "" },
      range: {},
      expected: "status=error&minCostUsd=0.5&cursor=abc&sort=cost",
    },
    {
      params: { from: "bogus" },
      range: { from: "2026-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z" },
      expected: "from=2026-01-01T00%3A00%3A00.000Z&to=2026-01-02T00%3A00%3A00.000Z",
    },
  ])("$params", ({ params, range, expected }) => {
    expect(buildTraceQuery(params, range).toString()).toBe(expected);
  });
});

describe("countActiveFilters", () => {
  it("counts set filters only", () => {
    expect(countActiveFilters({ q: "x", status: "", range: "1h", tool: ["a"] })).toBe(2);
  });
});
