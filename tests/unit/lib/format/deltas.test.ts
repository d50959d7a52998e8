// Signed differences of the trace diff.
import { expect, it } from "vitest";
import { deltaTone, formatCostDelta, formatCountDelta, formatDurationDelta, NO_CHANGE } from "@/lib/format/deltas";

it("signs differences and shows no change as a dot", () => {
  expect(formatDurationDelta(1200)).toBe("+1.20 s");
  expect(formatDurationDelta(-45)).toBe("−45 ms");
  expect(formatDurationDelta(0)).toBe(NO_CHANGE);
  expect(formatCostDelta(-0.041)).toBe("−$0.041");
  expect(formatCostDelta(null)).toBe("unpriced");
  expect(formatCostDelta(0)).toBe(NO_CHANGE);
  expect(formatCountDelta(23_823)).toBe("+23,823");
  expect(formatCountDelta(-1)).toBe("−1");
  expect([deltaTone(2), deltaTone(-2), deltaTone(0), deltaTone(null)]).toEqual(["up", "down", "none", "none"]);
});
