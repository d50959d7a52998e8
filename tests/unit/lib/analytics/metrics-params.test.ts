// Parameters of the metrics endpoints: defaults, and a 400 naming the parameter for every bad value.
import { describe, expect, it } from "vitest";
import { DEFAULT_TOP, parseCostParams, parseFindingsParams, parseLatencyParams } from "@/lib/analytics/metrics-params";

const NOW = Date.parse("2026-11-21T12:00:00Z");
const latency = (query: string) => parseLatencyParams(new URLSearchParams(query), NOW);
const cost = (query: string) => parseCostParams(new URLSearchParams(query), NOW);
const ENDPOINTS = { latency, cost };

describe("findings metrics parameters", () => {
  const findings = (query: string) => parseFindingsParams(new URLSearchParams(query), NOW);
  it("defaults to the last 24 hours by hour and finding type, and takes the documented values", () => {
    expect(findings("")).toEqual({ ok: true, fromMs: NOW - 86_400_000, toMs: NOW, bucket: "1h", groupBy: "type" });
    for (const groupBy of ["type", "failureMode", "task", "agent", "tool"])
      expect(findings(`groupBy=${groupBy}&bucket=1d`)).toMatchObject({ ok: true, groupBy, bucket: "1d" });
  });
  it.each([
    ["groupBy=model", "groupBy", /type, failureMode, task, agent, tool/],
    ["bucket=5m", "bucket", /1h, 1d/],
    ["type=tool_loop", "type", /unknown parameter/],
  ])("%s answers 400 naming %s", (query, parameter, message) => {
    const result = findings(query);
    expect(result).toMatchObject({ ok: false, parameter });
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("metrics parameters", () => {
  it("defaults to the last 24 hours, the finest sensible bucket and the trace name", () => {
    expect(latency("")).toEqual({ ok: true, fromMs: NOW - 86_400_000, toMs: NOW, bucket: "5m", groupBy: "name" });
    expect(cost("")).toEqual({ ok: true, fromMs: NOW - 86_400_000, toMs: NOW, bucket: "1h", groupBy: "task", top: DEFAULT_TOP });
    expect(cost("from=2026-11-01T00:00:00Z")).toMatchObject({ ok: true, fromMs: Date.parse("2026-11-01T00:00:00Z"), toMs: NOW, bucket: "1h" });
    expect(cost("from=2026-10-01T00:00:00Z")).toMatchObject({ ok: true, bucket: "1d" });
  });

  it("takes explicit values", () => {
    expect(latency("from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&bucket=1m&groupBy=tool")).toEqual({
      ok: true,
      fromMs: Date.parse("2026-11-20T00:00:00Z"),
      toMs: Date.parse("2026-11-21T00:00:00Z"),
      bucket: "1m",
      groupBy: "tool",
    });
    expect(cost("bucket=1d&groupBy=session")).toMatchObject({ ok: true, bucket: "1d", groupBy: "session" });
    expect(cost("groupBy=user&top=5")).toMatchObject({ ok: true, groupBy: "user", top: 5 });
    expect(cost("top=1000")).toMatchObject({ ok: true, top: 1000 });
    expect(cost("top=all")).toMatchObject({ ok: true, top: null });
  });

  it.each([
    ["latency", "groupBy=task", "groupBy", /name, agent, tool, model, kind/],
    ["cost", "groupBy=kind", "groupBy", /task, agent, model, user, session/],
    ["cost", "bucket=5m", "bucket", /1h, 1d/],
    ["latency", "bucket=2h", "bucket", /1m, 5m, 1h, 1d/],
    ["latency", "from=yesterday", "from", /ISO 8601/],
    ["latency", "to=2026-13-45", "to", /ISO 8601/],
    ["latency", "limit=5", "limit", /unknown parameter/],
    ["latency", "from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", "to", /later than from/],
    ["latency", "from=2026-11-22T00:00:00Z", "from", /earlier than to/],
    ["latency", "from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&bucket=1m", "bucket", /more than 1500/],
    ["cost", "from=2000-01-01T00:00:00Z", "from", /more than 1500/],
    ["cost", "top=0", "top", /whole number from 1 to 1000, or all/],
    ["cost", "top=1001", "top", /whole number from 1 to 1000, or all/],
    ["cost", "top=-3", "top", /whole number from 1 to 1000, or all/],
    ["cost", "top=2.5", "top", /whole number from 1 to 1000, or all/],
    ["cost", "top=everything", "top", /whole number from 1 to 1000, or all/],
    ["latency", "top=5", "top", /unknown parameter/],
  ] as const)("%s refuses %s", (endpoint, query, parameter, message) => {
    const parsed = ENDPOINTS[endpoint](query);
    expect(parsed).toMatchObject({ ok: false, parameter });
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});
