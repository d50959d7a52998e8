// tests/fixtures/otlp/mastra.json (@mastra/core 0.24.9 with @mastra/otel-exporter 0.3.3, the newest pair on Node 20;
// an OpenAI-compatible model config against the local OpenAI mock, streamed).
import { describe, expect, it } from "vitest";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { summariseTrace } from "@/lib/trace/summarise";
import { normaliseTraceRequest } from "@/lib/ingest/normalise";
import { buildPriceBook } from "@/lib/pricing/compute";
import { inputOf, normaliseFixture, otlpSpan, outputOf, spanNamed, traceRequest, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("mastra");
const agent = spanNamed(batch, "agent.support-agent");
const generation = spanNamed(batch, "chat gpt-4o-mini");
const steps = [spanNamed(batch, "step: 0"), spanNamed(batch, "step: 1")];
const tool = spanNamed(batch, "tool.execute lookupOrder");

describe("mastra fixture", () => {
  it("reads kinds from mastra.span.type (chunks are chains, each 0.x step is a model call)", () => {
    expect([agent.kind, generation.kind, steps[0]!.kind, tool.kind, spanNamed(batch, "chunk: 'text'").kind]).toEqual(["agent", "llm", "llm", "tool", "chain"]);
  });

  it("names the agent after gen_ai.agent.id and reads its input and output as text", () => {
    expect(agent.agentName).toBe("support-agent");
    expect(inputOf(agent)).toBe("Where is my order A-1042?");
    expect(outputOf(agent)).toBe('Based on {"orderId":"A-1042","status":"shipped","eta":"2026-11-24"}, the order ships tomorrow.');
  });

  it.each([
    [0, 120, 18, 64],
    [1, 180, 42, 128],
  ] as const)("step %i: response model, provider and usage from the raw provider response, cost", (i, input, output, read) => {
    expect(steps[i]).toMatchObject({
      model: "gpt-4o-mini-2024-07-18",
      provider: "openai",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: read,
      reasoningTokens: 0,
    });
    expect(steps[i]!.costUsd).toBeCloseTo(((input - read) * 0.15 + read * 0.075 + output * 0.6) / 1e6, USD_DIGITS);
  });

  it("counts the steps once: the generation repeats their summed usage", () => {
    expect(generation).toMatchObject({ inputTokens: 300, outputTokens: 60, cacheReadTokens: 192 });
    const summary = summariseTrace(agent.traceId, batch.spans);
    expect({
      inputTokens: summary.inputTokens,
      outputTokens: summary.outputTokens,
      llmCallCount: summary.llmCallCount,
      toolCallCount: summary.toolCallCount,
    }).toEqual({
      inputTokens: 300,
      outputTokens: 60,
      llmCallCount: 2,
      toolCallCount: 1,
    });
    expect(summary.costUsd).toBeCloseTo(steps[0]!.costUsd! + steps[1]!.costUsd!, USD_DIGITS);
    expect(summary.agentName).toBe("support-agent");
  });

  it("renders each step's request and result as chat, tool calls as such", () => {
    const asked = normaliseChatMessages(inputOf(steps[1]!))!;
    expect(asked.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(asked[3]!.parts).toEqual([
      { type: "tool_result", id: "call_lookupOrder_1", name: null, content: { orderId: "A-1042", status: "shipped", eta: "2026-11-24" } },
    ]);
    expect(normaliseChatMessages(outputOf(steps[0]!))![0]!.parts).toEqual([
      { type: "tool_call", id: "call_lookupOrder_1", name: "lookupOrder", arguments: { orderId: "A-1042" } },
    ]);
  });

  it("reads the tool's name, arguments and result", () => {
    expect(tool.toolName).toBe("lookupOrder");
    expect(inputOf(tool)).toEqual({ orderId: "A-1042" });
    expect(outputOf(tool)).toEqual({ orderId: "A-1042", status: "shipped", eta: "2026-11-24" });
  });

  it("reads the session and user of the run's tracing metadata", () => {
    expect(agent).toMatchObject({ sessionId: expect.stringMatching(/^sess-mastra-/), userId: expect.stringMatching(/^user-mastra-/) });
  });

  it("reads 1.x's names too: mastra.metadata.*, mastra.agent_run.input/output, invoke_agent", () => {
    const record = normaliseTraceRequest(
      traceRequest([
        otlpSpan({
          name: "invoke_agent support-agent",
          attributes: {
            "mastra.span.type": "agent_run",
            "gen_ai.operation.name": "invoke_agent",
            "gen_ai.agent.name": "support-agent",
            "mastra.agent_run.input": "Hi",
            "mastra.agent_run.output": '{"text":"Hello"}',
            "mastra.metadata.threadId": "thread-1",
            "mastra.metadata.resourceId": "user-1",
          },
        }),
      ]),
      buildPriceBook(),
    ).spans[0]!;
    expect(record).toMatchObject({ kind: "agent", agentName: "support-agent", sessionId: "thread-1", userId: "user-1" });
    expect([inputOf(record), outputOf(record)]).toEqual(["Hi", "Hello"]);
  });
});
