import { describe, expect, it } from "vitest";
import { buildTimeTicks, formatBucketLabel, formatChartValue, formatTimeTick, getSeriesColor, SERIES_COLORS } from "@/lib/format/chart";
import { buildTracesHref } from "@/lib/format/traces-href";

const H = 3_600_000;
const T0 = Date.parse("2026-11-21T00:00:00Z");

describe("formatChartValue", () => {
  it.each([
    ["duration", 1500, "1.50 s"],
    ["usd", 0.0027, "$0.0027"],
    ["tokens", 12_300, "12.3k"],
    ["count", 1234.4, "1,234"],
    ["percent", 1566.67, "+1567 %"],
    ["percent", -4.25, "-4.3 %"],
    ["percent", 0, "0.0 %"],
    ["usd", null, "—"],
    ["duration", Number.NaN, "—"],
  ] as const)("%s %s → %s", (kind, value, expected) => {
    expect(formatChartValue(kind, value)).toBe(expected);
  });
});

describe("formatTimeTick", () => {
  it("shows times for sub-day buckets in a window of a day, dates too beyond, dates for day buckets", () => {
    const t = Date.parse("2026-11-21T14:05:00Z");
    expect(formatTimeTick(t, 5 * 60_000, 24 * H, "UTC")).toBe("14:05");
    expect(formatTimeTick(t, H, 7 * 24 * H, "UTC")).toBe("Nov 21 14:05");
    expect(formatTimeTick(t, 24 * H, 30 * 24 * H, "UTC")).toBe("Nov 21");
    expect(formatTimeTick(t, H, 24 * H, "Europe/Paris")).toBe("15:05");
  });
});

describe("buildTimeTicks", () => {
  it("uses the finest round step giving at most maxTicks ticks, each a bucket start", () => {
    const ticks = buildTimeTicks(T0 + 5 * 60_000, T0 + 24 * H + 5 * 60_000, 5 * 60_000, 8);
    expect(ticks.map((t) => (t - T0) / H)).toEqual([3, 6, 9, 12, 15, 18, 21, 24]);
  });
  it("never steps finer than a bucket, nor by a step that is not a whole number of buckets", () => {
    expect(buildTimeTicks(T0, T0 + 2 * H, H, 8)).toEqual([T0, T0 + H]);
    expect(buildTimeTicks(T0, T0 + 3 * 24 * H, 24 * H, 8)).toEqual([T0, T0 + 24 * H, T0 + 48 * H]);
  });
  it("falls back to an even spacing beyond the largest round step", () => {
    const ticks = buildTimeTicks(T0, T0 + 1000 * 24 * H, 24 * H, 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.every((t) => (t - T0) % (24 * H) === 0)).toBe(true);
  });
});

describe("series colours and bucket labels", () => {
  it("cycles through the palette", () => {
    expect(getSeriesColor(0)).toBe(SERIES_COLORS[0]);
    expect(getSeriesColor(SERIES_COLORS.length + 1)).toBe(SERIES_COLORS[1]);
  });
  it("names buckets", () => {
    expect(formatBucketLabel("5m")).toBe("5-minute");
    expect(formatBucketLabel("1d")).toBe("Daily");
    expect(formatBucketLabel("2w")).toBe("2w");
  });
});

describe("buildTracesHref", () => {
  it("links to the traces list with the filter and the window, in a fixed order", () => {
    expect(buildTracesHref("/projects/default/traces", { sort: "cost", name: "checkout run", status: "error" }, T0, T0 + H)).toBe(
      "/projects/default/traces?from=2026-11-21T00%3A00%3A00.000Z&to=2026-11-21T01%3A00%3A00.000Z&name=checkout+run&sort=cost&status=error",
    );
  });
  it("drops empty values", () => {
    expect(buildTracesHref("/projects/default/traces", { model: "", tool: "search" }, T0, T0 + H)).toBe(
      "/projects/default/traces?from=2026-11-21T00%3A00%3A00.000Z&to=2026-11-21T01%3A00%3A00.000Z&tool=search",
    );
  });
});
