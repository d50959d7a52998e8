import { describe, expect, it } from "vitest";
import { formatCost } from "@/lib/format/money";

describe("formatCost", () => {
  it.each([
    [null, false, "unpriced"],
    [undefined, false, "unpriced"],
    [Number.NaN, false, "unpriced"],
    [null, true, "unpriced"],
    [0, false, "$0.00"],
    [1234.5, false, "$1,234.50"],
    [1, false, "$1.00"],
    [0.5, false, "$0.500"],
    [0.0123, false, "$0.012"],
    [0.0042, false, "$0.0042"],
    [0.00042, false, "$0.00042"],
    [0.0000012345, false, "$0.0000012"],
    [0.123, true, "$0.123 + unpriced"],
    [0, true, "$0.00 + unpriced"],
  ])("%s (unpriced part: %s) → %s", (usd, hasUnpriced, expected) => {
    expect(formatCost(usd, { hasUnpriced })).toBe(expected);
  });
});
