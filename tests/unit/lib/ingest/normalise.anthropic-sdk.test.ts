// tests/fixtures/otlp/anthropic-sdk.json (@anthropic-ai/sdk 1.17.0's own spans, content capture on, the Messages
// tool runner against the local Anthropic mock).
import { describe, expect, it } from "vitest";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("anthropic-sdk");
const [first, second] = spansNamed(batch, "anthropic.messages.create");
const runner = spanNamed(batch, "anthropic.messages.tool_runner");
const tool = spanNamed(batch, "anthropic.custom_tool_use get_weather");

describe("anthropic-sdk fixture", () => {
  it("reads the tool runner as an agent the application did not name (no name taken from the span)", () => {
    expect(runner).toMatchObject({ kind: "agent", agentName: null, model: "claude-sonnet-4-5", provider: "anthropic" });
  });

  it.each([
    ["call 1 writes the cache (cache_write.input_tokens)", () => first!, 1542, 38, 0, 1500, (42 * 3 + 1500 * 3.75 + 38 * 15) / 1e6],
    ["call 2 reads it", () => second!, 1595, 61, 1500, 0, (95 * 3 + 1500 * 0.3 + 61 * 15) / 1e6],
  ] as const)("%s: inclusive input kept, cache parts, cost", (_label, span, input, output, read, write, cost) => {
    expect(span()).toMatchObject({
      kind: "llm",
      model: "claude-sonnet-4-5-20250929",
      provider: "anthropic",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: read,
      cacheWriteTokens: write,
      costSource: "computed",
    });
    expect(span().costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("reads the tool run: name, call id, arguments and the result from anthropic.tool_result.content", () => {
    expect(tool).toMatchObject({ kind: "tool", toolName: "get_weather", toolCallId: "toolu_mock_get_weather_1", status: "ok" });
    expect(inputOf(tool)).toEqual({ city: "Oslo" });
    expect(outputOf(tool)).toEqual({ city: "Oslo", forecast: "snow", celsius: -3 });
  });

  it("renders system instructions, the tool call and the tool result (text blocks) as chat", () => {
    const asked = normaliseChatMessages(inputOf(first!))!;
    expect(asked.map((m) => m.role)).toEqual(["system", "user"]);
    expect(normaliseChatMessages(outputOf(first!))![0]!.parts).toContainEqual({
      type: "tool_call",
      id: "toolu_mock_get_weather_1",
      name: "get_weather",
      arguments: { city: "Oslo" },
    });
    expect(normaliseChatMessages(inputOf(second!))![0]!.parts).toEqual([
      { type: "tool_result", id: "toolu_mock_get_weather_1", name: null, content: { city: "Oslo", forecast: "snow", celsius: -3 } },
    ]);
  });

  it("reads gen_ai.conversation.id as the session and user.id on the application's span", () => {
    for (const span of [first!, second!, runner, tool]) expect(span.sessionId).toMatch(/^sess-asdk-/);
    expect(spanNamed(batch, "support-turn").userId).toMatch(/^user-asdk-/);
  });
});
