import { describe, expect, it } from "vitest";
import { formatAxisOffset, formatDuration } from "@/lib/format/duration";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
    [-5, "—"],
    [0, "0 ms"],
    [0.0004, "1 µs"],
    [0.42, "420 µs"],
    [0.9996, "1.0 ms"],
    [4.25, "4.3 ms"],
    [4, "4 ms"],
    [9.96, "10 ms"],
    [123.4, "123 ms"],
    [999.4, "999 ms"],
    [999.6, "1.00 s"],
    [1_240, "1.24 s"],
    [9_999, "10.0 s"],
    [12_345, "12.3 s"],
    [59_960, "1m 00s"],
    [125_000, "2m 05s"],
    [3_599_700, "1h 00m"],
    [3_720_000, "1h 02m"],
    [86_399_000, "1d 0h"],
    [97_200_000, "1d 3h"],
  ])("%s ms → %s", (input, expected) => {
    expect(formatDuration(input)).toBe(expected);
  });
});

describe("formatAxisOffset", () => {
  it.each([
    [0, 1000, "0"],
    [0.25, 0.5, "250 µs"],
    [2.5, 8, "2.5 ms"],
    [250, 1000, "250 ms"],
    [1500, 4000, "1.5 s"],
    [30_000, 60_000, "30 s"],
    [90_000, 600_000, "1.5 min"],
    [7_200_000, 10_800_000, "2 h"],
  ])("%s of %s → %s", (offset, span, expected) => {
    expect(formatAxisOffset(offset, span)).toBe(expected);
  });
});
