// The fewest rollup rows for a range: whole days from day rows, the edges from hour and minute rows.
import { describe, expect, it } from "vitest";
import { coverRange } from "@/lib/analytics/cover-range";

const DAY = 86_400_000,
  HOUR = 3_600_000,
  MINUTE = 60_000;
const D0 = Date.UTC(2026, 10, 1);

describe("coverRange", () => {
  it("takes whole days from day rows and the hours around them from hour rows", () => {
    expect(coverRange(D0 + 5 * HOUR, D0 + 3 * DAY + 2 * HOUR, ["1h", "1d"])).toEqual([
      { granularity: "1h", startMs: D0 + 5 * HOUR, endMs: D0 + DAY },
      { granularity: "1d", startMs: D0 + DAY, endMs: D0 + 3 * DAY },
      { granularity: "1h", startMs: D0 + 3 * DAY, endMs: D0 + 3 * DAY + 2 * HOUR },
    ]);
  });

  it("goes down to minutes where allowed, and covers the range without gaps or overlaps", () => {
    const [start, end] = [D0 + 7 * MINUTE, D0 + 2 * DAY + 3 * HOUR + 10 * MINUTE];
    const parts = coverRange(start, end, ["1m", "1h", "1d"]);
    expect(parts.map((p) => p.granularity)).toEqual(["1m", "1h", "1d", "1h", "1m"]);
    expect(parts[0]!.startMs).toBe(start);
    expect(parts[parts.length - 1]!.endMs).toBe(end);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.startMs).toBe(parts[i - 1]!.endMs);
  });

  it("uses the finer rows alone when no coarser row fits whole", () => {
    expect(coverRange(D0 + HOUR, D0 + 5 * HOUR, ["1h", "1d"])).toEqual([{ granularity: "1h", startMs: D0 + HOUR, endMs: D0 + 5 * HOUR }]);
    expect(coverRange(D0, D0 + DAY, ["1h", "1d"])).toEqual([{ granularity: "1d", startMs: D0, endMs: D0 + DAY }]);
    expect(coverRange(D0, D0 + 2 * DAY, ["1d"])).toEqual([{ granularity: "1d", startMs: D0, endMs: D0 + 2 * DAY }]);
  });

  it("refuses ends that are not whole rows of the finest granularity", () => {
    expect(() => coverRange(D0 + MINUTE, D0 + DAY, ["1h", "1d"])).toThrow(/not aligned to 1h/);
    expect(() => coverRange(D0, D0 + DAY, [])).toThrow(/at least one/);
  });
});
