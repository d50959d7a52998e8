// tests/fixtures/otlp/openllmetry.json (@traceloop/node-server-sdk 0.27): decorator spans plus GenAI 1.40 LLM spans.
import { describe, expect, it } from "vitest";
import { inputOf, normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("openllmetry");
const workflow = spanNamed(batch, "restock_check.workflow");
const agent = spanNamed(batch, "inventory_agent.agent");
const [firstChat, secondChat] = spansNamed(batch, "chat gpt-4o-mini");
const tool = spanNamed(batch, "check_stock.tool");

describe("openllmetry fixture", () => {
  it.each([
    ["restock_check.workflow", "chain"],
    ["inventory_agent.agent", "agent"],
    ["chat gpt-4o-mini", "llm"],
    ["check_stock.tool", "tool"],
  ])("%s is %s", (name, kind) => {
    for (const span of spansNamed(batch, name)) expect(span.kind).toBe(kind);
  });

  it("keeps the workflow → agent → chat/tool/chat tree", () => {
    expect(batch.rejected).toBe(0);
    expect(workflow.parentSpanId).toBeNull();
    expect(agent.parentSpanId).toBe(workflow.spanId);
    expect([firstChat!, tool, secondChat!].map((s) => s.parentSpanId)).toEqual([agent.spanId, agent.spanId, agent.spanId]);
  });

  it.each([
    ["chat #1", firstChat!, 120, 18, (120 * 0.15 + 18 * 0.6) / 1e6],
    ["chat #2", secondChat!, 180, 42, (180 * 0.15 + 42 * 0.6) / 1e6],
  ] as const)("%s: gen_ai.provider.name, response model, tokens and computed cost", (_label, span, input, output, cost) => {
    expect(span).toMatchObject({
      model: "gpt-4o-mini-2024-07-18",
      provider: "openai",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: null,
      costSource: "computed",
      agentName: "inventory_agent",
    });
    expect(span.costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("parses gen_ai.input.messages / gen_ai.output.messages JSON parts", () => {
    expect(inputOf(firstChat!)).toEqual([
      { role: "system", parts: [{ type: "text", content: "You manage inventory." }] },
      { role: "user", parts: [{ type: "text", content: "Do we have KB-42 in stock?" }] },
    ]);
    expect(outputOf(firstChat!)).toEqual([
      {
        role: "assistant",
        finish_reason: "tool_call",
        parts: [{ type: "tool_call", id: "call_check_stock_1", name: "check_stock", arguments: { sku: "KB-42" } }],
      },
    ]);
    expect((outputOf(secondChat!) as { finish_reason: string }[])[0]!.finish_reason).toBe("stop");
  });

  it("names the tool from traceloop.entity.name and reads its entity input/output", () => {
    expect(tool).toMatchObject({ toolName: "check_stock", agentName: "inventory_agent", model: null, costUsd: null });
    expect(inputOf(tool)).toEqual({ args: [], kwargs: { sku: "KB-42" } });
    expect(outputOf(tool)).toEqual({ sku: "KB-42", inStock: 17 });
  });

  it("names the agent but not the workflow (traceloop.workflow.name is not an agent)", () => {
    expect(agent.agentName).toBe("inventory_agent");
    expect(workflow.agentName).toBeNull();
    expect(workflow.toolName).toBeNull();
    expect(outputOf(workflow)).toBe('Based on {"sku":"KB-42","inStock":17}, the order ships tomorrow.');
  });

  it("reads session and user from traceloop.association.properties on every span", () => {
    for (const span of batch.spans) {
      expect(span.sessionId).toMatch(/^sess-traceloop-[0-9a-f]+$/);
      expect(span.userId).toMatch(/^user-traceloop-[0-9a-f]+$/);
    }
  });
});
