import { describe, expect, it } from "vitest";
import { parseTagMetricsParams, topTagPoints } from "@/lib/analytics/tag-metrics-params";

const NOW = Date.parse("2026-12-07T12:00:00Z");

describe("tag metrics parameters", () => {
  it("defaults to the last 24 h, hourly, top 10", () => {
    expect(parseTagMetricsParams(new URLSearchParams(), NOW)).toEqual({ ok: true, fromMs: NOW - 86_400_000, toMs: NOW, bucket: "1h", limit: 10 });
  });

  it("names the bad parameter", () => {
    expect(parseTagMetricsParams(new URLSearchParams("bucket=5m"), NOW)).toMatchObject({ ok: false, parameter: "bucket" });
    expect(parseTagMetricsParams(new URLSearchParams("limit=51"), NOW)).toMatchObject({ ok: false, parameter: "limit" });
    expect(parseTagMetricsParams(new URLSearchParams("tag=x"), NOW)).toMatchObject({ ok: false, parameter: "tag" });
    expect(parseTagMetricsParams(new URLSearchParams("from=2026-12-08T00:00:00Z"), NOW)).toMatchObject({ ok: false, parameter: "from" });
  });
});

describe("topTagPoints", () => {
  it("keeps the tags with the most runs over the whole range (ties by name), in bucket then tag order", () => {
    const H = 3_600_000;
    const rows = [
      { tag: "b", bucketStartMs: 2 * H, traces: 1 },
      { tag: "a", bucketStartMs: 2 * H, traces: 2 },
      { tag: "c", bucketStartMs: H, traces: 3 },
      { tag: "a", bucketStartMs: H, traces: 1 },
      { tag: "b", bucketStartMs: H, traces: 2 },
    ];
    expect(topTagPoints(rows, 2)).toEqual([
      { bucketStart: new Date(H).toISOString(), tag: "a", traces: 1 },
      { bucketStart: new Date(H).toISOString(), tag: "b", traces: 2 },
      { bucketStart: new Date(2 * H).toISOString(), tag: "a", traces: 2 },
      { bucketStart: new Date(2 * H).toISOString(), tag: "b", traces: 1 },
    ]);
  });
});
