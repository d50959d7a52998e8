// tests/fixtures/otlp/openinference.json (@arizeai/openinference-instrumentation-openai 4.2.7).
import { describe, expect, it } from "vitest";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("openinference");
const agent = spanNamed(batch, "weather-agent");
const [firstLlm, secondLlm] = spansNamed(batch, "OpenAI Chat Completions");
const embedding = spanNamed(batch, "OpenAI Embeddings");
const tool = spanNamed(batch, "get_weather");

const weatherCall = { id: "call_get_weather_1", type: "function", function: { name: "get_weather", arguments: { city: "Lyon" } } };

describe("openinference fixture", () => {
  it.each([
    ["weather-agent", "agent"],
    ["OpenAI Chat Completions", "llm"],
    ["OpenAI Embeddings", "embedding"],
    ["get_weather", "tool"],
  ])("%s is %s (openinference.span.kind)", (name, kind) => {
    for (const span of spansNamed(batch, name)) expect(span.kind).toBe(kind);
  });

  it.each([
    // prompt includes the cache for OpenAI: kept as is; cached part billed at the cache-read rate.
    ["LLM #1", firstLlm!, 120, 18, 64, (56 * 2.5 + 64 * 1.25 + 18 * 10) / 1e6, 0.0004],
    ["LLM #2", secondLlm!, 180, 42, 128, (52 * 2.5 + 128 * 1.25 + 42 * 10) / 1e6, 0.00071],
  ] as const)("%s: gpt-4o snapshot, llm.system provider, tokens and computed cost", (_label, span, input, output, cacheRead, cost, rounded) => {
    expect(span).toMatchObject({
      model: "gpt-4o-2024-08-06",
      provider: "openai",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: cacheRead,
      reasoningTokens: 0,
      costSource: "computed",
      status: "ok",
    });
    expect(span.costUsd).toBeCloseTo(cost, USD_DIGITS);
    expect(span.costUsd).toBeCloseTo(rounded, USD_DIGITS);
  });

  it("leaves an embedding without token counts unpriced (null, not 0)", () => {
    expect(embedding).toMatchObject({ model: "text-embedding-3-small", provider: "openai", inputTokens: null, costUsd: null, costSource: null });
    expect(inputOf(embedding)).toBe("What is the weather in Lyon?");
  });

  it("rebuilds input messages from llm.input_messages.* (not the raw request in input.value)", () => {
    expect(inputOf(firstLlm!)).toEqual([
      { role: "system", content: "You are a weather assistant." },
      { role: "user", content: "What is the weather in Lyon?" },
    ]);
    expect(inputOf(secondLlm!)).toEqual([
      { role: "system", content: "You are a weather assistant." },
      { role: "user", content: "What is the weather in Lyon?" },
      { role: "assistant", tool_calls: [weatherCall] },
      { role: "tool", content: '{"city":"Lyon","forecast":"sunny","celsius":21}', tool_call_id: "call_get_weather_1" },
    ]);
  });

  it("rebuilds output messages, tool call arguments parsed", () => {
    expect(outputOf(firstLlm!)).toEqual([{ role: "assistant", tool_calls: [weatherCall] }]);
    expect(outputOf(secondLlm!)).toEqual([
      { role: "assistant", content: 'Based on {"city":"Lyon","forecast":"sunny","celsius":21}, the order ships tomorrow.' },
    ]);
  });

  it("reads agent.name and tool.name, and input.value/output.value for them", () => {
    expect(agent).toMatchObject({ agentName: "weather-agent", parentSpanId: null, status: "ok" });
    expect(inputOf(agent)).toBe("What is the weather in Lyon?");
    expect(tool).toMatchObject({ toolName: "get_weather", parentSpanId: agent.spanId });
    expect(inputOf(tool)).toEqual({ city: "Lyon" });
    expect(outputOf(tool)).toEqual({ city: "Lyon", forecast: "sunny", celsius: 21 });
  });

  it("reads session.id and user.id where the instrumentation set them", () => {
    for (const span of [firstLlm!, secondLlm!, embedding]) {
      expect(span.sessionId).toMatch(/^sess-oi-[0-9a-f]+$/);
      expect(span.userId).toMatch(/^user-oi-[0-9a-f]+$/);
    }
    expect([agent.sessionId, tool.sessionId]).toEqual([null, null]);
  });
});
