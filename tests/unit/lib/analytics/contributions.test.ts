// What a trace and a span add to each rollup dimension.
import { describe, expect, it } from "vitest";
import { spanContributions, traceContributions, type SpanFacts } from "@/lib/analytics/contributions";
import { summariseTrace } from "@/lib/trace/summarise";
import { BASE_MS, llm, span, TRACE } from "./support/spans";

const trace = [
  span("root", null, 0, 2000, { name: "answer-ticket", kind: "agent", agentName: "triage", sessionId: "s-1", userId: "u-1" }),
  // A wrapper repeating its child's usage: only the child counts, for the trace and for its model.
  llm("wrap", "root", 10, 900, "gpt-4o", 500, 50, 0.5),
  llm("call", "wrap", 20, 800, "gpt-4o", 500, 50, 0.01),
  llm("mini", "root", 1000, 300, "gpt-4o-mini", 100, 10, 0.001),
  span("tool", "root", 1400, 200, { kind: "tool", toolName: "search", status: "error" }),
];

describe("traceContributions", () => {
  const summary = summariseTrace(TRACE, trace);
  const byDimension = Object.fromEntries(traceContributions(summary).map((c) => [`${c.dimension}:${c.group}`, c.item]));

  it("counts the whole trace under its name, agent, user and session, at its start", () => {
    const base = { startMs: BASE_MS, durationMs: 2000, errorCount: 1, llmCallCount: 2, toolCallCount: 1, inputTokens: 600, outputTokens: 60 };
    for (const key of ["trace.name:answer-ticket", "trace.agent:triage", "trace.user:u-1", "trace.session:s-1"]) {
      expect(byDimension[key]).toMatchObject(base);
      expect(byDimension[key]!.costUsd).toBeCloseTo(0.011, 12);
    }
  });

  it("splits the totals by model, so the models add up to the trace", () => {
    expect(byDimension["trace.model:gpt-4o"]).toMatchObject({ llmCallCount: 1, inputTokens: 500, outputTokens: 50, costUsd: 0.01, toolCallCount: 0 });
    expect(byDimension["trace.model:gpt-4o-mini"]).toMatchObject({ llmCallCount: 1, inputTokens: 100, outputTokens: 10, costUsd: 0.001 });
  });

  it("leaves out dimensions the trace has no value for, and counts an unpriced trace as 0", () => {
    const bare = [span("only", null, 0, 5, { kind: "llm", model: "mystery" })];
    const contributions = traceContributions(summariseTrace(TRACE, bare));
    expect(contributions.map((c) => [c.dimension, c.group, c.item.costUsd])).toEqual([
      ["trace.name", "only", 0],
      ["trace.model", "mystery", 0],
    ]);
  });
});

describe("spanContributions", () => {
  const facts = (extra: Partial<SpanFacts>): SpanFacts => ({
    name: "s",
    kind: "other",
    toolName: null,
    model: null,
    status: "ok",
    startNs: BigInt(BASE_MS) * 1_000_000n,
    durationMs: 12.5,
    ...extra,
  });
  it.each<[string, Partial<SpanFacts>, string[]]>([
    ["a tool call by tool name", { kind: "tool", toolName: "search" }, ["span.kind:tool", "span.tool:search"]],
    ["a tool call without a tool name by span name", { kind: "tool", name: "execute_tool lookup" }, ["span.kind:tool", "span.tool:execute_tool lookup"]],
    ["an LLM call by model", { kind: "llm", model: "gpt-4o" }, ["span.kind:llm", "span.model:gpt-4o"]],
    ["an embedding by model", { kind: "embedding", model: "text-embedding-3-small" }, ["span.kind:embedding", "span.model:text-embedding-3-small"]],
    ["an LLM call without a model by kind only", { kind: "llm" }, ["span.kind:llm"]],
    ["a chain carrying a model by kind only", { kind: "chain", model: "gpt-4o" }, ["span.kind:chain"]],
  ])("counts %s", (_name, extra, keys) => {
    const contributions = spanContributions(facts(extra));
    expect(contributions.map((c) => `${c.dimension}:${c.group}`)).toEqual(keys);
    expect(contributions.every((c) => c.item.durationMs === 12.5 && c.item.startMs === BASE_MS && c.item.costUsd === 0)).toBe(true);
  });

  it("counts an error span as an error", () => {
    expect(spanContributions(facts({ status: "error" }))[0]!.item.errorCount).toBe(1);
  });
});
