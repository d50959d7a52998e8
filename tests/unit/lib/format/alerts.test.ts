import { describe, expect, it } from "vitest";
import { formatMetricValue, formatScope } from "@/lib/format/alerts";

describe("formatMetricValue", () => {
  it.each([
    ["cost_per_run", 0.0027, "$0.0027"],
    ["cost_per_day", 12.5, "$12.50"],
    ["p95_latency_ms", 1500, "1.50 s"],
    ["error_rate", 0.05, "5.0 %"],
    ["error_rate", 0.25, "25 %"],
    ["cost_per_hour", null, "—"],
  ])("%s %s → %s", (metric, value, expected) => {
    expect(formatMetricValue(metric, value)).toBe(expected);
  });
});

describe("formatScope", () => {
  it("names the scope and its value", () => {
    expect(formatScope("all", null)).toBe("All traces");
    expect(formatScope("task", "checkout")).toBe("Task checkout");
    expect(formatScope("user", "maya")).toBe("User maya");
  });
});
