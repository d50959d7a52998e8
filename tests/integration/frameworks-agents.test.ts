// Agent frameworks and provider SDKs beyond the conventions' reference libraries (see frameworks.test.ts for
// those): each real library runs in its own process (tests/integration/emitters/*.mjs) against a running
// Hindsight on SQLite and PostgreSQL, offline (the libraries' own mocks, or loopback imitations of the OpenAI
// and Anthropic APIs), and the test reads the trace back through the API. What each library sends and how it is
// read: docs/frameworks.md.
import { beforeAll, describe, expect, it } from "vitest";
import type { Span, TraceDetail } from "@/lib/trace/types";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { expectIdentityEverywhere, expectTotals, named, one, text } from "./emitters/expect-trace";
import { runEmitter, type EmitterName } from "./emitters/run-emitter";
import { forEachDatabase, getTrace, listTraces, type TestServer } from "./support";

type Facts = {
  traceId: string;
  sessionId: string;
  userId: string;
  finalText: string;
  tool: { name: string; input: unknown; output: unknown; callId?: string };
  llmCalls?: { spanId: string; inputTokens?: number; outputTokens?: number; cacheReadTokens?: number; cacheWriteTokens?: number }[];
  totals?: { inputTokens: number; outputTokens: number; llmCallCount: number; toolCallCount: number };
  [key: string]: unknown;
};

const ANTHROPIC_CALLS = [
  { inputTokens: 1542, outputTokens: 38, cacheReadTokens: 0, cacheWriteTokens: 1500 },
  { inputTokens: 1595, outputTokens: 61, cacheReadTokens: 1500, cacheWriteTokens: 0 },
];
/** Exact costs of the two Anthropic calls (per million tokens: sonnet-4-5 3/15/0.30/3.75, haiku-4-5 1/5/0.10/1.25). */
const SONNET_COSTS = [0.006321, 0.00165];
const HAIKU_COSTS = [0.002107, 0.00055];

const isRounded = (usd: number | null) => usd === null || Math.round(usd * 1e10) / 1e10 === usd;
const chatOf = (value: unknown, role = "user") => normaliseChatMessages(value, { defaultRole: role });
const byId = (detail: TraceDetail, spanId: string) => detail.spans.find((s) => s.spanId === spanId)!;

async function run(server: TestServer, name: EmitterName): Promise<{ facts: Facts; detail: TraceDetail }> {
  const facts = await runEmitter<Facts>(name, server);
  return { facts, detail: await getTrace(server, facts.traceId) };
}

function expectAnthropicCalls(detail: TraceDetail, facts: Facts, model: string, costs: number[]) {
  facts.llmCalls!.forEach((call, i) => {
    const span = byId(detail, call.spanId);
    // OpenInference sends a cache part only when it is not 0: absent and 0 are the same here.
    const parts = { cacheReadTokens: span.cacheReadTokens ?? 0, cacheWriteTokens: span.cacheWriteTokens ?? 0 };
    expect({ ...span, ...parts }).toMatchObject({ kind: "llm", model, provider: "anthropic", ...ANTHROPIC_CALLS[i], costSource: "computed" });
    expect(span.costUsd).toBe(costs[i]);
  });
  expect(detail.trace.costUsd).toBe(Math.round((costs[0]! + costs[1]!) * 1e10) / 1e10);
  expectTotals(detail, { inputTokens: 1542 + 1595, outputTokens: 38 + 61, llmCallCount: 2, toolCallCount: 1 });
}

forEachDatabase((server) => {
  describe("OpenInference Anthropic 0.2.8 (prompt already includes the cache)", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "openinference-anthropic")));

    it("counts cached input once and prices writes and reads at their rates", () =>
      expectAnthropicCalls(detail, facts, "claude-sonnet-4-5-20250929", SONNET_COSTS));
    it("shows tool calls once and the tool result as a result", () => {
      const [first, second] = facts.llmCalls!.map((c) => byId(detail, c.spanId));
      expect(chatOf(first!.output, "assistant")![0]!.parts.map((p) => p.type)).toEqual(["text", "tool_call"]);
      expect(chatOf(second!.input)!.at(-1)!.parts).toEqual([expect.objectContaining({ type: "tool_result", content: facts.tool.output })]);
      expect(one(detail, "weather-agent").agentName).toBe("weather-agent");
      expectIdentityEverywhere(detail, facts.sessionId, facts.userId);
    });
  });

  describe("OpenLLMetry Anthropic 0.27 (input excludes the cache)", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "traceloop-anthropic")));

    it("adds the cache parts to the input and prices them", () => expectAnthropicCalls(detail, facts, "claude-haiku-4-5-20251001", HAIKU_COSTS));
    it("reads the agent, tool and association properties", () => {
      expect(detail.trace.agentName).toBe("inventory_agent");
      expect(one(detail, "check_stock.tool").output).toEqual(facts.tool.output);
      expectIdentityEverywhere(detail, facts.sessionId, facts.userId);
    });
  });

  describe("Anthropic SDK 1.x own spans (tool runner)", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "anthropic-sdk")));

    it("reads cache writes (cache_write.input_tokens) and prices them", () => expectAnthropicCalls(detail, facts, "claude-sonnet-4-5-20250929", SONNET_COSTS));
    it("shows the tool run's result and does not name the runner after its span", () => {
      const tool = one(detail, facts.toolSpanName as string);
      expect(tool).toMatchObject({ kind: "tool", toolName: "get_weather", toolCallId: facts.tool.callId });
      expect(tool.input).toEqual(facts.tool.input);
      expect(tool.output).toEqual(facts.tool.output);
      expect(one(detail, facts.runnerSpanName as string)).toMatchObject({ kind: "agent", agentName: null });
      expectIdentityEverywhere(detail, facts.sessionId, facts.userId);
    });
  });

  describe("LangGraph.js via OpenInference", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "langgraph")));

    it("makes the graph and its named agent agents, the graph the trace's agent", () => {
      expect(detail.trace.agentName).toBe("support_graph");
      expect(named(detail, "weather_agent").every((s) => s.kind === "agent" && s.agentName === "weather_agent")).toBe(true);
    });
    it("reads response model, provider (ls_provider), user (metadata.user_id), tokens and costs", () => {
      facts.llmCalls!.forEach((call) =>
        expect(byId(detail, call.spanId)).toMatchObject({ model: facts.model, provider: "openai", ...call, costSource: "computed" }),
      );
      expectTotals(detail, facts.totals!);
      expectIdentityEverywhere(detail, facts.sessionId, facts.userId);
    });
    it("returns tool results as results with their call id, and graph state as messages", () => {
      expect(one(detail, "get_weather")).toMatchObject({ toolCallId: "call_get_weather_1", output: facts.tool.output });
      const state = chatOf(one(detail, "support_graph").output, "assistant")!;
      expect(state.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant"]);
      expect(text(state)).not.toContain('"lc":1');
    });
  });

  describe("Mastra (its own OTLP exporter)", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "mastra")));

    it("reads the agent run, its input and output, session and user", () => {
      expect(one(detail, "agent.support-agent")).toMatchObject({
        kind: "agent",
        agentName: "support-agent",
        input: facts.userMessage,
        output: facts.finalText,
      });
      expect(detail.trace.agentName).toBe("support-agent");
      expectIdentityEverywhere(detail, facts.sessionId, facts.userId);
    });
    it("counts each model step once, with its response model and cache", () => {
      const { toolCall, text: answer } = facts.mockUsage as Record<string, { prompt_tokens: number; completion_tokens: number; cached_tokens: number }>;
      expect(["step: 0", "step: 1"].map((n) => one(detail, n)).map((s: Span) => [s.kind, s.model, s.inputTokens, s.cacheReadTokens])).toEqual([
        ["llm", facts.model, toolCall!.prompt_tokens, toolCall!.cached_tokens],
        ["llm", facts.model, answer!.prompt_tokens, answer!.cached_tokens],
      ]);
      expectTotals(detail, { inputTokens: 300, outputTokens: 60, llmCallCount: 2, toolCallCount: 1 });
      expect(one(detail, "tool.execute lookupOrder").output).toEqual(facts.tool.output);
    });
  });

  describe("Vercel AI SDK tool approvals (needsApproval)", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "vercel-ai-approval")));

    it("keeps the denied call visible as an approval span with the decision", async () => {
      const approval = facts.approval as { toolName: string; toolCallId: string; input: unknown; reason: string };
      expect(facts.toolExecutions).toBe(0);
      expect(one(detail, `tool approval ${approval.toolName}`)).toMatchObject({
        kind: "approval",
        toolName: approval.toolName,
        toolCallId: approval.toolCallId,
        input: approval.input,
        output: { decision: "rejected", reason: approval.reason },
        statusMessage: `Denied: ${approval.reason}`,
      });
      const page = await listTraces(server, { tool: approval.toolName, sessionId: facts.sessionId });
      expect(page.data.map((t) => t.traceId)).toContain(facts.traceId);
    });
  });

  describe("OpenAI Agents SDK via OpenInference", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "openai-agents")));

    it("takes the first agent as the trace's agent and keeps the hand-off on the span", () => {
      expect(detail.trace.agentName).toBe("triage");
      expect(one(detail, "support-desk").kind).toBe("chain");
      expect(one(detail, "billing").attributes).toMatchObject({ "graph.node.id": "billing", "graph.node.parent_id": "triage" });
    });
    it("reads response models, tokens and the tool", () => {
      for (const span of named(detail, "generation")) expect(span).toMatchObject({ model: facts.model, costSource: "computed" });
      expect(one(detail, "lookup_invoice").output).toEqual(facts.tool.output);
      expect(detail.trace.llmCallCount).toBe(3);
    });
  });

  describe("MCP via OpenLLMetry", () => {
    let facts!: Facts, detail!: TraceDetail;
    beforeAll(async () => ({ facts, detail } = await run(server, "mcp-openllmetry")));

    it("reads protocol steps as chains and the tool call with unwrapped arguments and result", () => {
      expect(one(detail, "initialize.mcp").kind).toBe("chain");
      expect(one(detail, "tools/list.mcp").kind).toBe("chain");
      expect(one(detail, "get_forecast.tool")).toMatchObject({ kind: "tool", toolName: facts.tool.name, input: facts.tool.input, output: facts.tool.output });
      expectIdentityEverywhere(detail, facts.sessionId, facts.userId);
    });
  });

  it("returns every cost rounded to 1e-10 USD (list, detail, spans)", async () => {
    const page = await listTraces(server, { limit: 500 });
    expect(page.data.length).toBeGreaterThan(0);
    for (const trace of page.data) expect(isRounded(trace.costUsd), `${trace.name} ${trace.costUsd}`).toBe(true);
    for (const trace of page.data.slice(0, 20)) {
      const detail = await getTrace(server, trace.traceId);
      expect(isRounded(detail.trace.costUsd)).toBe(true);
      for (const span of detail.spans) expect(isRounded(span.costUsd), `${span.name} ${span.costUsd}`).toBe(true);
    }
  });
});
