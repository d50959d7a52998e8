// Parameters of GET /api/v1/drift: defaults, and a 400 naming the parameter for every bad value.
import { describe, expect, it } from "vitest";
import { parseDriftParams } from "@/lib/analytics/drift-params";

const NOW = Date.parse("2026-11-21T12:00:00Z");
const drift = (query: string) => parseDriftParams(new URLSearchParams(query), NOW);

describe("drift parameters", () => {
  it("defaults to the last 24 hours, hourly, per task", () => {
    expect(drift("")).toEqual({ ok: true, fromMs: NOW - 86_400_000, toMs: NOW, bucket: "1h", groupBy: "task" });
    expect(drift("from=2026-09-01T00:00:00Z")).toMatchObject({ ok: true, bucket: "1d" });
  });

  it("takes explicit values, and one group", () => {
    expect(drift("from=2026-11-14T00:00:00Z&to=2026-11-21T00:00:00Z&bucket=1d&groupBy=agent&group=%20triage%20")).toEqual({
      ok: true,
      fromMs: Date.parse("2026-11-14T00:00:00Z"),
      toMs: Date.parse("2026-11-21T00:00:00Z"),
      bucket: "1d",
      groupBy: "agent",
      group: "triage",
    });
  });

  it.each([
    ["groupBy=model", "groupBy", /task, agent/],
    ["bucket=5m", "bucket", /1h, 1d/],
    ["from=yesterday", "from", /ISO 8601/],
    ["to=2026-13-45", "to", /ISO 8601/],
    ["group=", "group", /must not be empty/],
    ["limit=5", "limit", /unknown parameter/],
    ["from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", "to", /later than from/],
    ["from=2026-11-22T00:00:00Z", "from", /earlier than to/],
    ["from=2026-01-01T00:00:00Z&bucket=1h", "bucket", /more than 1500/],
    ["from=2000-01-01T00:00:00Z", "from", /more than 1500/],
  ] as const)("refuses %s", (query, parameter, message) => {
    const parsed = drift(query);
    expect(parsed).toMatchObject({ ok: false, parameter });
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});
