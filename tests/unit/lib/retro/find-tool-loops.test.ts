import { describe, expect, it } from "vitest";
import { detectFindings } from "@/lib/retro/detect-findings";
import { agent, llm, span, tool } from "./make-retro-span";

const loops = (spans: Parameters<typeof detectFindings>[0], loopThreshold?: number) =>
  detectFindings(spans, { loopThreshold }).filter((f) => f.type === "tool_loop");

// An agent that asks for lookup_order, gets an answer, and asks again with the same arguments:
// llm(100 ms) → tool(20 ms), three times, then a final answer.
function loopingAgent(args: unknown[] = [{ id: "A-1" }, '{ "id": "A-1" }', { id: "A-1" }]) {
  const spans = [agent("root", null, 0, 1000, "support")];
  args.forEach((arg, k) => {
    spans.push(llm(`l${k}`, "root", k * 200, 100, { costUsd: [0.05, 0.1, 0.2, 0.4][k] }));
    spans.push(tool(`t${k}`, "root", k * 200 + 120, 20, "lookup_order", arg));
  });
  spans.push(llm("final", "root", 900, 50));
  return spans;
}

describe("tool loops", () => {
  it("counts every call, and wastes the calls after the first with the LLM calls that asked for them", () => {
    expect(loops(loopingAgent())).toEqual([
      {
        type: "tool_loop",
        spanIds: ["t0", "t1", "t2"],
        count: 3,
        // t1 + t2 (20 ms each) and l1 + l2 (100 ms each); l0 asked for the first call and is no waste.
        wastedMs: 240,
        wastedCostUsd: 0.3, // not 0.30000000000000004: sums of prices are rounded to a trillionth of a dollar
        toolName: "lookup_order",
        agents: ["support"],
      },
    ]);
  });

  it("needs loopThreshold calls with the same arguments", () => {
    expect(loops(loopingAgent().slice(0, 5))).toEqual([]); // two calls
    expect(loops(loopingAgent().slice(0, 5), 2)).toHaveLength(1);
    expect(loops(loopingAgent([{ id: "A-1" }, { id: "A-2" }, { id: "A-1" }]))).toEqual([]);
    expect(loops(loopingAgent([{ id: "A-1" }, { id: "A-1" }, { id: "A-1" }, { id: "A-1" }]), 4)[0]?.count).toBe(4);
  });

  it("compares arguments as canonical JSON: key order, spacing, and JSON text against parsed JSON", () => {
    const found = loops(loopingAgent([{ id: "A-1", verbose: true }, '{"verbose":true,"id":"A-1"}', '  {\n "id" : "A-1", "verbose": true }']));
    expect(found[0]?.count).toBe(3);
  });

  it("does not compare calls whose arguments were not captured", () => {
    expect(loops(loopingAgent([null, null, null]))).toEqual([]);
  });

  it("tells tools apart by name even with the same arguments", () => {
    const spans = [
      span("root", null, 0, 100),
      tool("a", "root", 0, 5, "search", { q: 1 }),
      tool("b", "root", 10, 5, "fetch", { q: 1 }),
      tool("c", "root", 20, 5, "search", { q: 1 }),
    ];
    expect(loops(spans)).toEqual([]);
  });

  it("counts an LLM call that asked for several of the repeated calls once, and not at all if it asked for the first", () => {
    // One response asks for three identical calls in parallel, a second response for two more.
    const spans = [
      span("root", null, 0, 1000),
      llm("l0", "root", 0, 100, { costUsd: 0.02 }),
      tool("t0", "root", 110, 30, "search", { q: "x" }),
      tool("t1", "root", 110, 30, "search", { q: "x" }),
      tool("t2", "root", 111, 30, "search", { q: "x" }),
      llm("l1", "root", 200, 80, { costUsd: 0.03 }),
      tool("t3", "root", 300, 30, "search", { q: "x" }),
      tool("t4", "root", 300, 30, "search", { q: "x" }),
    ];
    const [found] = loops(spans);
    expect(found).toMatchObject({ count: 5, wastedMs: 4 * 30 + 80, spanIds: ["t0", "t1", "t2", "t3", "t4"] });
    expect(found?.wastedCostUsd).toBeCloseTo(0.03, 10);
  });

  it("takes the asking LLM call from the same parent only, the nearest one that ended before the call started", () => {
    const spans = [
      span("root", null, 0, 1000),
      span("step1", "root", 0, 300),
      llm("l-first", "step1", 0, 10, { costUsd: 0.5 }),
      tool("t0", "step1", 20, 5, "search", { q: 1 }),
      llm("l-early", "step1", 30, 20, { costUsd: 1 }),
      llm("l-near", "step1", 60, 100, { costUsd: 0.1 }),
      llm("l-overlapping", "step1", 150, 100, { costUsd: 5 }), // still running when t1 starts
      tool("t1", "step1", 200, 10, "search", { q: 1 }),
      span("step2", "root", 300, 300),
      llm("l-other-parent", "root", 310, 10, { costUsd: 7 }), // not under step2
      tool("t2", "step2", 400, 10, "search", { q: 1 }),
    ];
    const [found] = loops(spans);
    // t1 was asked for by l-near; t2 has no LLM sibling in step2, so only its own duration is waste.
    expect(found).toMatchObject({ count: 3, wastedMs: 10 + 100 + 10 });
    expect(found?.wastedCostUsd).toBeCloseTo(0.1, 10);
  });

  it("reports an unknown cost (null) when the LLM calls that asked for the repeats could not be priced", () => {
    const spans = loopingAgent().map((s) => (s.kind === "llm" ? { ...s, costUsd: null } : s));
    expect(loops(spans)[0]).toMatchObject({ wastedMs: 240, wastedCostUsd: null });
  });
});
