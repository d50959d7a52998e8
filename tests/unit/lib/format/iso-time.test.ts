import { describe, expect, it } from "vitest";
import { isoFromMs } from "@/lib/format/iso-time";

describe("isoFromMs", () => {
  it("writes what Date#toISOString writes, across days, years and the epoch", () => {
    const times = [0, 1, 999, 1000, 59_999, 3_599_999, 86_399_999, 86_400_000, -1, -86_400_001, 951_782_400_000, 1_765_000_000_123, 253_402_300_799_999];
    for (let t = 1_700_000_000_000; t < 1_700_000_000_000 + 3 * 86_400_000; t += 7_777_777) times.push(t);
    for (const t of times) expect(isoFromMs(t), String(t)).toBe(new Date(t).toISOString());
  });

  it("drops a fraction of a millisecond like Date does", () => {
    expect(isoFromMs(1_765_000_000_123.9)).toBe(new Date(1_765_000_000_123.9).toISOString());
  });

  it("leaves years beyond 9999 to Date", () => {
    expect(isoFromMs(253_402_300_800_000)).toBe("+010000-01-01T00:00:00.000Z");
  });
});
