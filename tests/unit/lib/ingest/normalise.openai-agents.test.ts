// tests/fixtures/otlp/openai-agents.json (@openai/agents 0.20.0 bridged by
// @arizeai/openinference-instrumentation-openai-agents 0.2.15; Chat Completions against the local OpenAI mock).
import { describe, expect, it } from "vitest";
import { normaliseFixture, outputOf, spanNamed, spansNamed, USD_DIGITS } from "./support/otlp";
import { summariseTrace } from "@/lib/trace/summarise";

const batch = normaliseFixture("openai-agents");
const generations = spansNamed(batch, "generation");

describe("openai-agents fixture", () => {
  it("reads the workflow as a chain, so the trace's agent is the first agent", () => {
    expect(spanNamed(batch, "support-desk")).toMatchObject({ kind: "chain", agentName: null, parentSpanId: null });
    expect(summariseTrace(batch.spans[0]!.traceId, batch.spans).agentName).toBe("triage");
  });

  it("names the agents and keeps the hand-off edge on the span", () => {
    const triage = spanNamed(batch, "triage");
    const billing = spanNamed(batch, "billing");
    expect([triage.kind, triage.agentName, billing.kind, billing.agentName]).toEqual(["agent", "triage", "agent", "billing"]);
    expect(JSON.parse(billing.attributes)).toMatchObject({ "graph.node.id": "billing", "graph.node.parent_id": "triage" });
    expect(spanNamed(batch, "handoff to billing")).toMatchObject({ kind: "tool", toolName: "handoff_to_billing" });
  });

  it.each([
    [0, 120, 18, 64],
    [1, 120, 18, 64],
    [2, 180, 42, 128],
  ] as const)("generation %i: response model, tokens, reasoning, cost", (i, input, output, read) => {
    expect(generations[i]).toMatchObject({
      kind: "llm",
      model: "gpt-4o-mini-2024-07-18",
      provider: "openai",
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: read,
      reasoningTokens: 0,
    });
    expect(generations[i]!.costUsd).toBeCloseTo(((input - read) * 0.15 + read * 0.075 + output * 0.6) / 1e6, USD_DIGITS);
  });

  it("reads the tool's arguments and result", () => {
    const tool = spanNamed(batch, "lookup_invoice");
    expect(tool).toMatchObject({ kind: "tool", toolName: "lookup_invoice" });
    expect(outputOf(tool)).toEqual({ invoiceId: "INV-7", amountEur: 42.5, status: "paid" });
    expect(outputOf(generations[1]!)).toEqual([
      {
        role: "assistant",
        tool_calls: [{ id: "call_lookup_invoice_2", type: "function", function: { name: "lookup_invoice", arguments: { invoiceId: "INV-7" } } }],
      },
    ]);
  });

  it("has no session or user: the bridge sends neither the group id nor the metadata", () => {
    for (const span of batch.spans) expect([span.sessionId, span.userId]).toEqual([null, null]);
  });
});
