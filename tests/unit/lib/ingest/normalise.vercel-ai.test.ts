// tests/fixtures/otlp/vercel-ai.json (ai 6, experimental_telemetry): legacy ai.* spans.
import { describe, expect, it } from "vitest";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("vercel-ai");
const [firstCall, secondCall] = spansNamed(batch, "ai.generateText.doGenerate");

describe("vercel-ai fixture", () => {
  it("keeps all six spans and rejects none", () => {
    expect(batch.rejected).toBe(0);
    expect(batch.errors).toEqual([]);
    expect(batch.spans.map((s) => s.name)).toEqual([
      "ai.generateText.doGenerate",
      "ai.toolCall",
      "ai.generateText.doGenerate",
      "ai.generateText",
      "ai.embed.doEmbed",
      "ai.embed",
    ]);
  });

  it.each([
    ["ai.generateText", "chain"],
    ["ai.generateText.doGenerate", "llm"],
    ["ai.toolCall", "tool"],
    ["ai.embed", "chain"],
    ["ai.embed.doEmbed", "embedding"],
  ])("%s is %s", (name, kind) => {
    for (const span of spansNamed(batch, name)) expect(span.kind).toBe(kind);
  });

  it.each([
    // name, which, model, provider, in, out, cacheRead, costUsd, costSource
    ["doGenerate #1", firstCall!, "gpt-4o-mini-2024-07-18", "openai", 120, 18, 64, (56 * 0.15 + 64 * 0.075 + 18 * 0.6) / 1e6, "computed"],
    ["doGenerate #2", secondCall!, "gpt-4o-mini-2024-07-18", "openai", 180, 42, 128, (52 * 0.15 + 128 * 0.075 + 42 * 0.6) / 1e6, "computed"],
    ["doEmbed", spanNamed(batch, "ai.embed.doEmbed"), "text-embedding-3-small", "openai", 9, null, null, (9 * 0.02) / 1e6, "computed"],
    // Wrappers repeat their children's usage; they are chains, so they are never priced.
    ["generateText", spanNamed(batch, "ai.generateText"), "gpt-4o-mini", "openai", 300, 60, 192, null, null],
    ["embed", spanNamed(batch, "ai.embed"), "text-embedding-3-small", "openai", 9, null, null, null, null],
  ] as const)("%s: model, provider (openai.chat → openai), tokens and cost", (_label, span, model, provider, input, output, cacheRead, cost, source) => {
    expect(span.model).toBe(model);
    expect(span.provider).toBe(provider);
    expect(span.inputTokens).toBe(input);
    expect(span.outputTokens).toBe(output);
    expect(span.cacheReadTokens).toBe(cacheRead);
    expect(span.cacheWriteTokens).toBeNull();
    expect(span.costSource).toBe(source);
    if (cost === null) expect(span.costUsd).toBeNull();
    else expect(span.costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("computes the exact gpt-4o-mini figures from prices.json", () => {
    expect(firstCall!.costUsd).toBeCloseTo(0.000024, USD_DIGITS);
    expect(secondCall!.costUsd).toBeCloseTo(0.0000426, USD_DIGITS);
  });

  it("reads the tool call's name, id, arguments and result", () => {
    const tool = spanNamed(batch, "ai.toolCall");
    expect(tool).toMatchObject({ toolName: "lookupOrder", toolCallId: "call_lookupOrder_1", model: null, costUsd: null });
    expect(inputOf(tool)).toEqual({ orderId: "A-1042" });
    expect(outputOf(tool)).toEqual({ orderId: "A-1042", status: "shipped", eta: "2026-11-24" });
  });

  it("takes the agent from ai.telemetry.functionId and session/user from ai.telemetry.metadata", () => {
    for (const span of batch.spans) {
      expect(span.agentName).toBe(span.traceId === firstCall!.traceId ? "support-agent" : "support-search");
      expect(span.sessionId).toMatch(/^sess-vercel-[0-9a-f]+$/);
      expect(span.userId).toMatch(/^user-vercel-[0-9a-f]+$/);
    }
  });

  it("parses ai.prompt.messages as input and the response text / tool calls as output", () => {
    expect(inputOf(firstCall!)).toEqual([
      { role: "system", content: "You are a support agent. Use tools to look up orders." },
      { role: "user", content: [{ type: "text", text: "Where is my order A-1042?" }] },
    ]);
    expect(outputOf(firstCall!)).toEqual([{ toolCallId: "call_lookupOrder_1", toolName: "lookupOrder", input: '{"orderId":"A-1042"}' }]);
    expect(outputOf(secondCall!)).toBe("Order A-1042 has shipped and arrives on 2026-11-24.");
    expect(inputOf(spanNamed(batch, "ai.generateText"))).toEqual({
      system: "You are a support agent. Use tools to look up orders.",
      prompt: "Where is my order A-1042?",
    });
  });

  it("links children to the wrapper and leaves status unset (the SDK sends none)", () => {
    const root = spanNamed(batch, "ai.generateText");
    expect(root.parentSpanId).toBeNull();
    expect([firstCall!.parentSpanId, secondCall!.parentSpanId, spanNamed(batch, "ai.toolCall").parentSpanId]).toEqual([root.spanId, root.spanId, root.spanId]);
    expect(new Set(batch.spans.map((s) => s.status))).toEqual(new Set(["unset"]));
    expect(new Set(batch.spans.map((s) => s.serviceName))).toEqual(new Set(["vercel-ai-emitter"]));
    expect(new Set(batch.spans.map((s) => s.scopeName))).toEqual(new Set(["ai"]));
  });

  it("measures durations from the nanosecond timestamps", () => {
    expect(firstCall!.endNs - firstCall!.startNs).toBe(899_409n);
    expect(firstCall!.durationMs).toBe(0.899);
  });
});
