// tests/fixtures/otlp/openai-official.json (@opentelemetry/instrumentation-openai 0.21): GenAI semconv
// spans without content (prompts and completions come as log events, see logs.test.ts).
import { describe, expect, it } from "vitest";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("openai-official");
const root = spanNamed(batch, "invoke_agent support-agent");
const [firstChat, secondChat] = spansNamed(batch, "chat gpt-4o-mini");
const embeddings = spanNamed(batch, "embeddings text-embedding-3-small");
const tool = spanNamed(batch, "execute_tool lookup_order");

describe("openai-official fixture", () => {
  it("keeps all five spans of one trace", () => {
    expect(batch.rejected).toBe(0);
    expect(batch.spans).toHaveLength(5);
    expect(new Set(batch.spans.map((s) => s.traceId))).toEqual(new Set(["f0dcb9b5f1f41fb25248fea638089337"]));
  });

  it.each([
    ["invoke_agent support-agent", "agent", 1],
    ["chat gpt-4o-mini", "llm", 3],
    ["embeddings text-embedding-3-small", "embedding", 3],
    ["execute_tool lookup_order", "tool", 1],
  ])("%s is %s (OTLP span kind %i)", (name, kind, spanKind) => {
    for (const span of spansNamed(batch, name)) expect([span.kind, span.spanKind]).toEqual([kind, spanKind]);
  });

  it.each([
    ["chat #1", firstChat!, "gpt-4o-mini-2024-07-18", 120, 18, (120 * 0.15 + 18 * 0.6) / 1e6],
    ["chat #2", secondChat!, "gpt-4o-mini-2024-07-18", 180, 42, (180 * 0.15 + 42 * 0.6) / 1e6],
    ["embeddings", embeddings, "text-embedding-3-small", 9, null, (9 * 0.02) / 1e6],
  ] as const)("%s: response model, provider from gen_ai.system, usage and computed cost", (_label, span, model, input, output, cost) => {
    expect(span).toMatchObject({ model, provider: "openai", inputTokens: input, outputTokens: output, cacheReadTokens: null, costSource: "computed" });
    expect(span.costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("prices the chat calls exactly (no cache attribute: all input at the input rate)", () => {
    expect(firstChat!.costUsd).toBeCloseTo(0.0000288, USD_DIGITS);
    expect(secondChat!.costUsd).toBeCloseTo(0.0000522, USD_DIGITS);
    expect(embeddings.costUsd).toBeCloseTo(0.00000018, USD_DIGITS);
  });

  it("carries no content on the LLM spans themselves", () => {
    expect([firstChat!.input, firstChat!.output, secondChat!.input, secondChat!.output]).toEqual([null, null, null, null]);
  });

  it("reads the agent span: name, conversation id as session, user.id", () => {
    expect(root).toMatchObject({ parentSpanId: null, agentName: "support-agent", model: null, inputTokens: null, costUsd: null });
    expect(root.sessionId).toMatch(/^sess-official-[0-9a-f]+$/);
    expect(root.userId).toMatch(/^user-official-[0-9a-f]+$/);
  });

  it("reads the tool span: name, call id, arguments and result parsed from JSON text", () => {
    expect(tool).toMatchObject({ toolName: "lookup_order", toolCallId: "call_lookup_order_1", parentSpanId: root.spanId, scopeName: "support-app" });
    expect(inputOf(tool)).toEqual({ orderId: "A-7" });
    expect(outputOf(tool)).toEqual({ orderId: "A-7", status: "in_transit" });
  });

  it("leaves every span unset and without a status message", () => {
    for (const span of batch.spans) expect([span.status, span.statusMessage]).toEqual(["unset", null]);
  });
});
