import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFindings, summariseFindings } from "@/lib/retro/detect-findings";
import type { RetroSpan } from "@/lib/retro/types";
import { generateAgentTrace } from "./generate-trace";
import { agent, llm, span, tool } from "./make-retro-span";

// A run with one of each finding: a failure first, then a tool loop, an agent cycle and repeated LLM calls.
function everything(): RetroSpan[] {
  const question = [{ role: "user", content: "again?" }];
  return [
    span("root", null, 0, 10_000),
    tool("fail", "root", 0, 10, "fetch_page", { url: "x" }, { status: "error", statusMessage: "404" }),
    ...[0, 1, 2].map((k) => tool(`loop${k}`, "root", 100 + k * 50, 20, "search", { q: "same" })),
    ...["A", "B", "A", "B"].map((name, k) => agent(`cycle${k}`, "root", 1000 + k * 100, 90, name)),
    ...[0, 1, 2].map((k) => llm(`rep${k}`, "root", 2000 + k * 200, 100, { input: question })),
  ];
}

describe("detectFindings", () => {
  it("orders findings by their first span's start", () => {
    expect(detectFindings(everything()).map((f) => [f.type, f.spanIds[0]])).toEqual([
      ["failure", "fail"],
      ["tool_loop", "loop0"],
      ["agent_cycle", "cycle0"],
      ["repeated_llm_call", "rep0"],
    ]);
  });

  it("gives the same findings whatever order the spans arrive in, duplicates included", () => {
    const spans = everything();
    const expected = detectFindings(spans);
    fc.assert(
      fc.property(fc.shuffledSubarray([...spans, ...spans.slice(0, 4)], { minLength: spans.length + 4 }), (order) => {
        expect(detectFindings(order)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a loop threshold below 2 or not whole with a clear error", () => {
    expect(() => detectFindings([], { loopThreshold: 1 })).toThrow(/loopThreshold must be an integer of at least 2, got 1/);
    expect(() => detectFindings([], { loopThreshold: 2.5 })).toThrow(RangeError);
    expect(detectFindings([])).toEqual([]);
  });

  it("summarises findings for the trace list: counts per type and the failure mode", () => {
    expect(summariseFindings(detectFindings(everything()))).toEqual({
      failureMode: "tool_error",
      findingCounts: { tool_loop: 1, agent_cycle: 1, repeated_llm_call: 1, failure: 1 },
    });
    expect(summariseFindings([])).toEqual({ failureMode: null, findingCounts: { tool_loop: 0, agent_cycle: 0, repeated_llm_call: 0, failure: 0 } });
  });

  it("finds exactly the planted findings in a generated 10,000-span run, and nothing else", () => {
    const { spans, plantedToolLoops, plantedCycles } = generateAgentTrace(10_000);
    const findings = detectFindings(spans);
    const loops = findings.filter((f) => f.type === "tool_loop");
    expect(loops).toHaveLength(plantedToolLoops);
    expect(loops.every((f) => f.toolName === "lookup_order" && f.count === 4 && f.wastedMs === 3 * (40 + 200))).toBe(true);
    expect(findings.filter((f) => f.type === "agent_cycle")).toHaveLength(plantedCycles);
    expect(findings.filter((f) => f.type === "repeated_llm_call" || f.type === "failure")).toEqual([]); // rate limits were retried
  });
});
