// Bucket alignment (UTC), the whole buckets a range covers, and the default bucket for a range.
import { describe, expect, it } from "vitest";
import { alignDown, alignUp, bucketSpan, defaultBucket, type Bucket } from "@/lib/analytics/buckets";

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe("alignDown / alignUp", () => {
  it.each([
    ["2026-11-21T10:37:12.345Z", 60_000, "2026-11-21T10:37:00.000Z", "2026-11-21T10:38:00.000Z"],
    ["2026-11-21T10:37:12.345Z", 300_000, "2026-11-21T10:35:00.000Z", "2026-11-21T10:40:00.000Z"],
    ["2026-11-21T10:37:12.345Z", H, "2026-11-21T10:00:00.000Z", "2026-11-21T11:00:00.000Z"],
    ["2026-11-21T23:59:59.999Z", 24 * H, "2026-11-21T00:00:00.000Z", "2026-11-22T00:00:00.000Z"],
    ["2026-11-21T10:00:00.000Z", H, "2026-11-21T10:00:00.000Z", "2026-11-21T10:00:00.000Z"],
  ])("%s at %i ms", (iso, size, down, up) => {
    expect(new Date(alignDown(at(iso), size)).toISOString()).toBe(down);
    expect(new Date(alignUp(at(iso), size)).toISOString()).toBe(up);
  });
});

describe("bucketSpan", () => {
  it.each<[string, string, Bucket, string, number]>([
    ["2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z", "1h", "2026-11-21T00:00:00.000Z", 24],
    ["2026-11-21T00:30:00Z", "2026-11-21T02:10:00Z", "1h", "2026-11-21T00:00:00.000Z", 3],
    ["2026-11-21T00:00:00Z", "2026-11-21T00:00:01Z", "1d", "2026-11-21T00:00:00.000Z", 1],
    ["2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "5m", "2026-11-01T00:00:00.000Z", 8640],
  ])("%s … %s at %s", (from, to, bucket, start, buckets) => {
    const span = bucketSpan(at(from), at(to), bucket);
    expect([new Date(span.startMs).toISOString(), span.buckets]).toEqual([start, buckets]);
  });
});

describe("defaultBucket", () => {
  const latency = ["1m", "5m", "1h", "1d"] as const;
  it.each([
    [3 * H, "1m"],
    [24 * H, "5m"],
    [30 * 24 * H, "1h"],
    [90 * 24 * H, "1d"],
    [5000 * 24 * H, "1d"],
  ])("picks the finest bucket with few enough points for %i ms", (range, bucket) => {
    const to = at("2026-11-21T00:00:00Z");
    expect(defaultBucket(to - range, to, latency)).toBe(bucket);
  });
});
