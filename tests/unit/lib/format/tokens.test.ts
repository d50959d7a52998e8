import { describe, expect, it } from "vitest";
import { formatTokens, formatTokensExact } from "@/lib/format/tokens";

describe("formatTokens", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    [0, "0"],
    [950, "950"],
    [999, "999"],
    [1000, "1k"],
    [1234, "1.2k"],
    [12_345, "12.3k"],
    [99_960, "100k"],
    [123_456, "123k"],
    [999_499, "999k"],
    [999_500, "1M"],
    [1_234_567, "1.23M"],
  ])("%s → %s", (input, expected) => {
    expect(formatTokens(input)).toBe(expected);
  });
});

describe("formatTokensExact", () => {
  it.each([
    [null, "—"],
    [0, "0"],
    [1234567, "1,234,567"],
  ])("%s → %s", (input, expected) => {
    expect(formatTokensExact(input)).toBe(expected);
  });
});
