import { describe, expect, it } from "vitest";
import { readsFindings } from "@/lib/quality/evaluator-findings";

describe("readsFindings", () => {
  it("is true for the no_findings rule", () => {
    expect(readsFindings({ type: "rule", rule: { kind: "no_findings" }, filter: {} })).toBe(true);
  });

  it("is true for a filter on findings or the failure mode, whatever the rule", () => {
    expect(readsFindings({ type: "rule", rule: { kind: "no_error" }, filter: { finding: "tool_loop" } })).toBe(true);
    expect(readsFindings({ type: "rule", rule: { kind: "max_cost_usd", value: 1 }, filter: { failureMode: "tool_error" } })).toBe(true);
  });

  it("is false for other rules and for judges without a findings filter", () => {
    expect(readsFindings({ type: "rule", rule: { kind: "regex", value: "x", flags: "" }, filter: { name: "refund" } })).toBe(false);
    expect(readsFindings({ type: "rule", rule: { kind: "no_error" }, filter: {} })).toBe(false);
    expect(readsFindings({ type: "llm_judge", rule: null, filter: {} })).toBe(false);
  });
});
