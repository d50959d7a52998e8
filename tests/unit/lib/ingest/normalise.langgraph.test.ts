// tests/fixtures/otlp/langgraph.json (@arizeai/openinference-instrumentation-langchain 4.1.1, @langchain/core 1.4.0,
// @langchain/langgraph 1.7.3, @langchain/openai 1.5.8 against the local OpenAI mock).
import { describe, expect, it } from "vitest";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("langgraph");
const [first, second] = spansNamed(batch, "ChatOpenAI");
const tool = spanNamed(batch, "get_weather");
const graph = spanNamed(batch, "support_graph");

describe("langgraph fixture", () => {
  it("makes the graph run and the named ReAct agent agents; other nodes stay chains", () => {
    expect(graph).toMatchObject({ kind: "agent", agentName: "support_graph", parentSpanId: null });
    const agents = spansNamed(batch, "weather_agent");
    expect(agents.map((s) => [s.kind, s.agentName])).toEqual([
      ["agent", "weather_agent"],
      ["agent", "weather_agent"],
    ]);
    for (const name of ["triage", "agent", "tools", "__start__", "RunnableLambda", "prompt", "RunnableSequence"]) {
      for (const span of spansNamed(batch, name)) expect(span.kind, name).toBe("chain");
    }
  });

  it.each([
    ["call 1", () => first!, 120, 18, 64, (56 * 0.15 + 64 * 0.075 + 18 * 0.6) / 1e6],
    ["call 2", () => second!, 180, 42, 128, (52 * 0.15 + 128 * 0.075 + 42 * 0.6) / 1e6],
  ] as const)("%s: response model from the serialised AIMessage, provider from ls_provider, tokens, cost", (_label, span, input, output, read, cost) => {
    expect(span()).toMatchObject({
      kind: "llm",
      model: "gpt-4o-mini-2024-07-18",
      provider: "openai",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: read,
    });
    expect(span().costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("reads the tool call id and arguments from the serialised messages", () => {
    expect(outputOf(first!)).toEqual([
      {
        role: "assistant",
        content: "",
        tool_calls: [{ id: "call_get_weather_1", type: "function", function: { name: "get_weather", arguments: { city: "Lyon" } } }],
      },
    ]);
    const asked = normaliseChatMessages(inputOf(second!))!;
    expect(asked.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(asked[3]!.parts).toEqual([
      { type: "tool_result", id: "call_get_weather_1", name: "get_weather", content: { city: "Lyon", forecast: "sunny", celsius: 21 } },
    ]);
  });

  it("reads the tool's result and call id out of the serialised ToolMessage", () => {
    expect(tool).toMatchObject({ kind: "tool", toolName: "get_weather", toolCallId: "call_get_weather_1" });
    expect(inputOf(tool)).toBe("Lyon");
    expect(outputOf(tool)).toEqual({ city: "Lyon", forecast: "sunny", celsius: 21 });
  });

  it("renders graph state (LangChain serialisation) as chat, never as raw lc objects", () => {
    const messages = normaliseChatMessages(outputOf(graph), { defaultRole: "assistant" })!;
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(JSON.stringify(messages)).not.toContain('"lc":1');
    expect(messages[1]).toMatchObject({ name: "weather_agent", parts: [{ type: "tool_call", id: "call_get_weather_1", name: "get_weather" }] });
  });

  it("keeps routing decisions as plain values", () => {
    expect(spansNamed(batch, "RunnableLambda").map(outputOf)).toEqual(["weather_agent", "tools", "__end__"]);
  });

  it("reads session.id and the user from metadata.user_id on every span", () => {
    for (const span of batch.spans) expect(span).toMatchObject({ sessionId: expect.stringMatching(/^sess-lg-/), userId: expect.stringMatching(/^user-lg-/) });
  });
});
