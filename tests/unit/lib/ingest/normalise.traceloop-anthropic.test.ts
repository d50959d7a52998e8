// tests/fixtures/otlp/traceloop-anthropic.json (@traceloop/node-server-sdk + @traceloop/instrumentation-anthropic
// 0.27.0, @anthropic-ai/sdk 0.137.0 against the local Anthropic mock).
import { describe, expect, it } from "vitest";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("traceloop-anthropic");
const [first, second] = spansNamed(batch, "chat claude-haiku-4-5");
const tool = spanNamed(batch, "check_stock.tool");
const agent = spanNamed(batch, "inventory_agent.agent");

describe("traceloop-anthropic fixture", () => {
  it("reads kinds, the agent and the tool", () => {
    expect([first!.kind, tool.kind, agent.kind, spanNamed(batch, "restock_check.workflow").kind]).toEqual(["llm", "tool", "agent", "chain"]);
    expect(agent.agentName).toBe("inventory_agent");
    expect(tool).toMatchObject({ toolName: "check_stock", agentName: "inventory_agent" });
    expect(outputOf(tool)).toEqual({ sku: "KB-42", inStock: 17 });
  });

  it.each([
    // 0.27 sends Anthropic's input_tokens, which leave the cache out: the parts are added back.
    ["call 1 writes the cache", () => first!, 1542, 38, 0, 1500, (42 * 1 + 1500 * 1.25 + 38 * 5) / 1e6],
    ["call 2 reads it", () => second!, 1595, 61, 1500, 0, (95 * 1 + 1500 * 0.1 + 61 * 5) / 1e6],
  ] as const)("%s: inclusive input, cache parts, cost", (_label, span, input, output, read, write, cost) => {
    expect(span()).toMatchObject({
      model: "claude-haiku-4-5-20251001",
      provider: "anthropic",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: read,
      cacheWriteTokens: write,
      costSource: "computed",
    });
    expect(span().costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("renders the conversation with its tool call and tool result", () => {
    const messages = normaliseChatMessages(inputOf(second!))!;
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[2]!.parts).toContainEqual({ type: "tool_call", id: "toolu_mock_check_stock_1", name: "check_stock", arguments: { sku: "KB-42" } });
    expect(messages[3]!.parts).toEqual([expect.objectContaining({ type: "tool_result", id: "toolu_mock_check_stock_1" })]);
  });

  it("reads the session_id/user_id association properties", () => {
    for (const span of batch.spans) expect(span).toMatchObject({ sessionId: expect.stringMatching(/^sess-tla-/), userId: expect.stringMatching(/^user-tla-/) });
  });
});
