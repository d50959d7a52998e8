// tests/fixtures/otlp/openinference-anthropic.json (@arizeai/openinference-instrumentation-anthropic 0.2.8,
// @anthropic-ai/sdk 1.17.0 against the local Anthropic mock; the SDK's own spans off).
import { describe, expect, it } from "vitest";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("openinference-anthropic");
const [first, second] = spansNamed(batch, "Anthropic Messages");
const agent = spanNamed(batch, "weather-agent");
const tool = spanNamed(batch, "get_weather");

describe("openinference-anthropic fixture", () => {
  it("reads kinds, the agent and the tool", () => {
    expect([first!.kind, second!.kind, agent.kind, tool.kind]).toEqual(["llm", "llm", "agent", "tool"]);
    expect(agent).toMatchObject({ agentName: "weather-agent", parentSpanId: null });
    expect(tool).toMatchObject({ toolName: "get_weather", toolCallId: null });
    expect(inputOf(tool)).toEqual({ city: "Paris" });
    expect(outputOf(tool)).toEqual({ city: "Paris", forecast: "rain", celsius: 14 });
  });

  it.each([
    // 0.2.8's llm.token_count.prompt already includes the cache: kept, not added again.
    ["call 1 writes the cache", () => first!, 1542, 38, null, 1500, (42 * 3 + 1500 * 3.75 + 38 * 15) / 1e6],
    ["call 2 reads it", () => second!, 1595, 61, 1500, null, (95 * 3 + 1500 * 0.3 + 61 * 15) / 1e6],
  ] as const)("%s: response model, provider, inclusive input, cache parts, cost", (_label, span, input, output, read, write, cost) => {
    expect(span()).toMatchObject({
      model: "claude-sonnet-4-5-20250929",
      provider: "anthropic",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: read,
      cacheWriteTokens: write,
      reasoningTokens: null,
      costSource: "computed",
    });
    expect(span().costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("keeps each tool call once: no empty extra part beside it", () => {
    expect(outputOf(first!)).toEqual([
      {
        role: "assistant",
        content: [{ type: "text", text: "Let me look that up." }],
        tool_calls: [{ id: "toolu_mock_get_weather_1", type: "function", function: { name: "get_weather", arguments: { city: "Paris" } } }],
      },
    ]);
    const [message] = normaliseChatMessages(outputOf(first!), { defaultRole: "assistant" })!;
    expect(message!.parts).toEqual([
      { type: "text", text: "Let me look that up." },
      { type: "tool_call", id: "toolu_mock_get_weather_1", name: "get_weather", arguments: { city: "Paris" } },
    ]);
  });

  it("shows the tool result sent as a user message as a tool result", () => {
    const messages = normaliseChatMessages(inputOf(second!))!;
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(messages[2]!.parts).toEqual([
      { type: "tool_result", id: "toolu_mock_get_weather_1", name: null, content: { city: "Paris", forecast: "rain", celsius: 14 } },
    ]);
  });

  it("reads session.id and user.id on the spans that carry them", () => {
    for (const span of [first!, second!, tool])
      expect(span).toMatchObject({ sessionId: expect.stringMatching(/^sess-oia-/), userId: expect.stringMatching(/^user-oia-/) });
  });
});
