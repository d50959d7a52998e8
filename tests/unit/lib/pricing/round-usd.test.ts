import { describe, expect, it } from "vitest";
import { roundUsd, roundUsdOrNull } from "@/lib/pricing/round-usd";

describe("roundUsd", () => {
  it.each([
    [0.00022004999999999998, 0.00022005],
    [0.00004259999999999999, 0.0000426],
    [0.006321, 0.006321],
    [1.23456789012345, 1.2345678901],
    [0, 0],
  ])("%d → %d", (raw, rounded) => {
    expect(roundUsd(raw)).toBe(rounded);
  });

  it("keeps unpriced (null) as null", () => {
    expect(roundUsdOrNull(null)).toBeNull();
    expect(roundUsdOrNull(0.1 + 0.2)).toBe(0.3);
  });
});
