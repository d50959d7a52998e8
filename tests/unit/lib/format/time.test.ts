import { describe, expect, it } from "vitest";
import { formatRelativeTime, formatTimestamp } from "@/lib/format/time";

describe("formatTimestamp", () => {
  it.each([
    ["2026-11-21T22:14:05.123Z", "UTC", "2026-11-21 22:14:05.123"],
    ["2026-11-21T22:14:05.007Z", "Asia/Tokyo", "2026-11-22 07:14:05.007"],
    ["2026-01-01T00:00:00.000Z", "America/New_York", "2025-12-31 19:00:00.000"],
    ["not a date", "UTC", "—"],
    [null, "UTC", "—"],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(formatTimestamp(iso, zone)).toBe(expected);
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse("2026-11-21T12:00:00.000Z");
  it.each([
    ["2026-11-21T12:00:03.000Z", "just now"],
    ["2026-11-21T11:59:58.000Z", "just now"],
    ["2026-11-21T11:59:18.000Z", "42 s ago"],
    ["2026-11-21T11:55:00.000Z", "5 min ago"],
    ["2026-11-21T09:00:00.000Z", "3 h ago"],
    ["2026-11-09T12:00:00.000Z", "12 d ago"],
    ["garbage", "—"],
  ])("%s → %s", (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });
});
