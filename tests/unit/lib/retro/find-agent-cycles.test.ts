import { describe, expect, it } from "vitest";
import { detectFindings } from "@/lib/retro/detect-findings";
import type { RetroSpan } from "@/lib/retro/types";
import { agent, llm, span } from "./make-retro-span";

const cycles = (spans: RetroSpan[]) => detectFindings(spans).filter((f) => f.type === "agent_cycle");

/** Agents handing off as siblings under one root (the OpenAI Agents SDK's shape), each 100 ms apart. */
function handOffs(names: string[], withLlm = false): RetroSpan[] {
  const spans = [span("root", null, 0, 10_000)];
  names.forEach((name, k) => {
    spans.push(agent(`a${k}`, "root", k * 100, 90, name));
    if (withLlm) spans.push(llm(`l${k}`, `a${k}`, k * 100 + 10, 50, { costUsd: 0.01 }));
  });
  return spans;
}

describe("agent cycles", () => {
  it("finds A → B → A → B as two rounds and wastes the second", () => {
    expect(cycles(handOffs(["triage", "billing", "triage", "billing"]))).toEqual([
      { type: "agent_cycle", spanIds: ["a0", "a1", "a2", "a3"], count: 2, wastedMs: 180, wastedCostUsd: 0, agents: ["triage", "billing"] },
    ]);
  });

  it("counts complete rounds only and costs the LLM calls inside the wasted agents", () => {
    const [found] = cycles(handOffs(["triage", "billing", "triage", "billing", "triage", "billing", "triage"], true));
    expect(found).toMatchObject({ count: 3, spanIds: ["a0", "a1", "a2", "a3", "a4", "a5"], wastedMs: 4 * 90 });
    expect(found?.wastedCostUsd).toBeCloseTo(0.04, 10);
  });

  it("finds longer cycles and the cycle after a lead-in", () => {
    expect(cycles(handOffs(["planner", "research", "write", "review", "research", "write", "review"]))).toMatchObject([
      { count: 2, agents: ["research", "write", "review"], spanIds: ["a1", "a2", "a3", "a4", "a5", "a6"] },
    ]);
  });

  it("finds nothing in a run without a repeated hand-off sequence", () => {
    expect(cycles(handOffs(["triage", "billing", "refunds", "triage"]))).toEqual([]);
    expect(cycles(handOffs(["triage", "billing"]))).toEqual([]);
  });

  it("does not take one agent called again and again for a hand-off cycle", () => {
    expect(cycles(handOffs(["triage", "triage", "triage", "triage"]))).toEqual([]);
    expect(cycles(handOffs(["summarise", "summarise", "summarise", "triage", "billing", "triage", "billing", "summarise", "summarise"]))).toMatchObject([
      { count: 2, agents: ["triage", "billing"], spanIds: ["a3", "a4", "a5", "a6"] },
    ]);
  });

  it("joins an agent span nested in a span of the same agent (two instrumentations) to its step", () => {
    const spans = [span("root", null, 0, 1000)];
    ["A", "B", "A", "B"].forEach((name, k) => {
      spans.push(agent(`outer${k}`, "root", k * 100, 90, name));
      spans.push(agent(`inner${k}`, `outer${k}`, k * 100 + 1, 80, name));
    });
    expect(cycles(spans)).toMatchObject([{ count: 2, agents: ["A", "B"], wastedMs: 180 }]);
    expect(cycles(spans)[0]?.spanIds).toHaveLength(8);
  });

  it("finds cycles of nested hand-offs and counts a wasted agent inside another wasted agent once", () => {
    // A calls B calls A calls B, each inside the previous one.
    const spans = [agent("a0", null, 0, 400, "A"), agent("b0", "a0", 10, 380, "B"), agent("a1", "b0", 20, 300, "A"), agent("b1", "a1", 30, 200, "B")];
    expect(cycles(spans)).toEqual([{ type: "agent_cycle", spanIds: ["a0", "b0", "a1", "b1"], count: 2, wastedMs: 300, wastedCostUsd: 0, agents: ["A", "B"] }]);
  });

  it("finds a supervisor sending work round its workers", () => {
    const spans = [
      agent("s", null, 0, 1000, "supervisor"),
      agent("r0", "s", 10, 100, "researcher"),
      agent("w0", "s", 120, 100, "writer"),
      agent("r1", "s", 230, 100, "researcher"),
      agent("w1", "s", 340, 100, "writer"),
    ];
    expect(cycles(spans)).toMatchObject([{ count: 2, agents: ["researcher", "writer"], spanIds: ["r0", "w0", "r1", "w1"], wastedMs: 200 }]);
  });
});
