import { describe, expect, it } from "vitest";
import { resolveTimeRange } from "@/lib/trace/time-range";

const NOW = Date.parse("2026-11-21T12:00:00.000Z");

describe("resolveTimeRange", () => {
  it.each([
    { params: {}, expected: { preset: "24h", label: "Last 24 hours", from: "2026-11-20T12:00:00.000Z" } },
    { params: { range: "15m" }, expected: { preset: "15m", label: "Last 15 minutes", from: "2026-11-21T11:45:00.000Z" } },
    { params: { range: "30d" }, expected: { preset: "30d", label: "Last 30 days", from: "2026-10-22T12:00:00.000Z" } },
    { params: { range: "all" }, expected: { preset: "all", label: "All time" } },
    { params: { range: "bogus" }, expected: { preset: "24h", label: "Last 24 hours", from: "2026-11-20T12:00:00.000Z" } },
    {
      params: { range: "1h", from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z" },
      expected: { preset: "custom", label: "Custom range", from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" },
    },
    { params: { from: "2026-11-01T00:00:00Z" }, expected: { preset: "custom", label: "Custom range", from: "2026-11-01T00:00:00.000Z" } },
    { params: { from: "nope", range: "1h" }, expected: { preset: "1h", label: "Last hour", from: "2026-11-21T11:00:00.000Z" } },
  ])("$params", ({ params, expected }) => {
    expect(resolveTimeRange(params, NOW)).toEqual(expected);
  });
});
