import { describe, expect, it } from "vitest";
import { readsOf } from "@/lib/quality/evaluator-reads";
import type { EvaluatorConfig } from "@/lib/quality/evaluator-config";

type Reader = Pick<EvaluatorConfig, "type" | "target" | "rule">;
const rule = (rule: NonNullable<EvaluatorConfig["rule"]>, target: EvaluatorConfig["target"] = "trace"): Reader => ({ type: "rule", target, rule });
const judge: Reader = { type: "llm_judge", target: "trace", rule: null };

describe("readsOf", () => {
  it("reads no span content for rules on figures", () => {
    expect(readsOf([rule({ kind: "max_cost_usd", value: 1 }), rule({ kind: "no_error" }), rule({ kind: "max_duration_ms", value: 5 }, "llm_span")])).toEqual({
      content: "none",
      findings: false,
    });
  });

  it("reads only the trace's answer for text rules on the whole trace", () => {
    const reads = readsOf([
      rule({ kind: "regex", value: "x", flags: "" }),
      rule({ kind: "json_schema", value: { type: "object" } }),
      rule({ kind: "max_cost_usd", value: 1 }),
    ]);
    expect(reads).toEqual({ content: "trace_output", findings: false });
  });

  it("reads every span's content for text rules on spans and for judges", () => {
    expect(readsOf([rule({ kind: "contains", value: "yes" }, "llm_span")]).content).toBe("all");
    expect(readsOf([rule({ kind: "regex", value: "x", flags: "" }), judge]).content).toBe("all");
  });

  it("reads findings only for no_findings", () => {
    expect(readsOf([rule({ kind: "no_findings" })])).toEqual({ content: "none", findings: true });
    expect(readsOf([]).findings).toBe(false);
  });
});
