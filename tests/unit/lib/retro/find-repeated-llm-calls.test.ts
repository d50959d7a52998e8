import { describe, expect, it } from "vitest";
import { detectFindings } from "@/lib/retro/detect-findings";
import type { RetroSpan } from "@/lib/retro/types";
import { llm, span } from "./make-retro-span";

const repeated = (spans: RetroSpan[], loopThreshold?: number) => detectFindings(spans, { loopThreshold }).filter((f) => f.type === "repeated_llm_call");
const question = [{ role: "user", content: "What is the refund policy?" }];

describe("repeated LLM calls", () => {
  it("finds the same model asked the same messages loopThreshold times and wastes the calls after the first", () => {
    const spans = [
      span("root", null, 0, 1000),
      llm("l0", "root", 0, 100, { input: question, costUsd: 0.01 }),
      llm("l1", "root", 200, 120, { input: JSON.stringify(question), costUsd: 0.02 }),
      llm("l2", "root", 400, 140, { input: [{ content: "What is the refund policy?", role: "user" }], costUsd: 0.03 }),
    ];
    const found = repeated(spans);
    expect(found).toEqual([{ type: "repeated_llm_call", spanIds: ["l0", "l1", "l2"], count: 3, wastedMs: 260, wastedCostUsd: expect.closeTo(0.05, 10) }]);
  });

  it("tells models and messages apart, and skips calls whose input was not captured", () => {
    const spans = [
      span("root", null, 0, 1000),
      llm("l0", "root", 0, 100, { input: question }),
      llm("l1", "root", 200, 100, { input: question, model: "gpt-4o-mini" }),
      llm("l2", "root", 400, 100, { input: [{ role: "user", content: "Something else" }] }),
      llm("l3", "root", 600, 100, { input: question }),
      llm("l4", "root", 700, 100),
      llm("l5", "root", 800, 100),
      llm("l6", "root", 900, 100),
    ];
    expect(repeated(spans)).toEqual([]);
    expect(repeated(spans, 2)).toMatchObject([{ spanIds: ["l0", "l3"], count: 2 }]);
  });

  it("counts one call traced twice (an LLM span around another) once", () => {
    const spans = [span("root", null, 0, 1000)];
    for (let k = 0; k < 3; k++) {
      spans.push(llm(`outer${k}`, "root", k * 200, 150, { input: question, costUsd: null, inputTokens: null, outputTokens: null }));
      spans.push(llm(`inner${k}`, `outer${k}`, k * 200 + 10, 100, { input: question }));
    }
    expect(repeated(spans)).toMatchObject([{ spanIds: ["inner0", "inner1", "inner2"], count: 3, wastedMs: 200 }]);
  });
});
