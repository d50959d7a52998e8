// Sentences and labels of findings for the trace page, badges and dashboards.
import { describe, expect, it } from "vitest";
import { describeFinding, describeTimeByKind, FAILURE_MODE_LABELS } from "@/lib/format/findings";
import { FAILURE_MODES } from "@/lib/retro/finding-kinds";

describe("describeFinding", () => {
  it.each([
    [
      { type: "tool_loop", count: 12, wastedMs: 34_000, wastedCostUsd: 0.41, toolName: "lookup_order" },
      "lookup_order called 12× with the same arguments: 11 repeats, 34.0 s and $0.410 wasted",
    ],
    [
      { type: "tool_loop", count: 2, wastedMs: 800, wastedCostUsd: null, toolName: "search" },
      "search called 2× with the same arguments: 1 repeat, 800 ms wasted (cost unknown)",
    ],
    [
      { type: "agent_cycle", count: 3, wastedMs: 12_000, wastedCostUsd: 0.2, agents: ["triage", "billing"] },
      "Hand-off cycle triage → billing repeated 3×: 2 extra rounds, 12.0 s and $0.200 wasted",
    ],
    [{ type: "repeated_llm_call", count: 4, wastedMs: 2100, wastedCostUsd: 0 }, "Same LLM call made 4× with the same input: 3 repeats, 2.10 s wasted"],
    [
      { type: "failure", count: 1, wastedMs: 0, wastedCostUsd: 0, failureMode: "provider_rate_limit", agents: ["research"], message: "429 Rate limit reached" },
      "First failure: Provider rate limit in research: 429 Rate limit reached",
    ],
    [
      { type: "failure", count: 1, wastedMs: 0, wastedCostUsd: 0, failureMode: "tool_error", toolName: "charge_card" },
      "First failure: Tool error in charge_card",
    ],
  ] as const)("%o", (finding, text) => {
    expect(describeFinding({ ...finding })).toBe(text);
  });

  it("cuts long error messages", () => {
    const text = describeFinding({ type: "failure", count: 1, wastedMs: 0, wastedCostUsd: 0, message: "x".repeat(500) });
    expect(text).toBe(`First failure: Unknown error: ${"x".repeat(159)}…`);
  });

  it("labels every failure mode", () => {
    for (const mode of FAILURE_MODES) expect(FAILURE_MODE_LABELS[mode]).toMatch(/^[A-Z]/);
  });
});

describe("describeTimeByKind", () => {
  it("lists the kinds holding time on the path, largest first, with their share", () => {
    expect(describeTimeByKind({ agent: 100, llm: 800, tool: 100, retriever: 0, approval: 0 }, 1000)).toEqual([
      { kind: "llm", label: "LLM", ms: 800, share: 0.8 },
      { kind: "agent", label: "agent", ms: 100, share: 0.1 },
      { kind: "tool", label: "tool", ms: 100, share: 0.1 },
    ]);
    expect(describeTimeByKind({ llm: 0 }, 0)).toEqual([]);
  });
});
