// tests/fixtures/otlp/vercel-ai-approval.json (ai 6.0.326, a tool with needsApproval; the decision comes back
// as a tool-approval-response, denied).
import { describe, expect, it } from "vitest";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { normaliseFixture, inputOf, outputOf, spanNamed, spansNamed } from "./support/otlp";

const batch = normaliseFixture("vercel-ai-approval");
const approval = spanNamed(batch, "tool approval issueRefund");
const [askRun, answerRun] = spansNamed(batch, "ai.generateText");

describe("vercel-ai-approval fixture", () => {
  it("records the denied call as a span under the run that carried the decision", () => {
    expect(approval).toMatchObject({
      traceId: answerRun!.traceId,
      parentSpanId: answerRun!.spanId,
      kind: "approval",
      status: "unset",
      statusMessage: "Denied: Refunds above 20 EUR need a receipt.",
      toolName: "issueRefund",
      toolCallId: "call_issueRefund_1",
      agentName: "refund-agent",
      sessionId: answerRun!.sessionId,
      userId: answerRun!.userId,
      startNs: answerRun!.startNs,
      durationMs: 0,
    });
    expect(inputOf(approval)).toEqual({ orderId: "A-1042", amountEur: 30 });
    expect(outputOf(approval)).toEqual({ decision: "rejected", reason: "Refunds above 20 EUR need a receipt." });
    expect(JSON.parse(approval.attributes)).toMatchObject({ "hindsight.approval.decision": "rejected", "hindsight.approval.action": "issueRefund" });
    expect(approval.spanId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("derives the same span id from a re-sent run, so it is stored once", () => {
    expect(normaliseFixture("vercel-ai-approval").spans.find((s) => s.name === "tool approval issueRefund")!.spanId).toBe(approval.spanId);
  });

  it("leaves the run that asked for approval without a decision", () => {
    expect(batch.spans.filter((s) => s.traceId === askRun!.traceId).map((s) => s.name)).toEqual(["ai.generateText.doGenerate", "ai.generateText"]);
  });

  it("renders the tool-call step as an assistant tool call, and the denial as a denied result", () => {
    const [askStep, answerStep] = spansNamed(batch, "ai.generateText.doGenerate");
    expect(normaliseChatMessages(outputOf(askStep!), { defaultRole: "assistant" })).toEqual([
      {
        role: "assistant",
        name: null,
        finishReason: null,
        parts: [{ type: "tool_call", id: "call_issueRefund_1", name: "issueRefund", arguments: { orderId: "A-1042", amountEur: 30 } }],
      },
    ]);
    const asked = normaliseChatMessages(inputOf(answerStep!))!;
    expect(asked.at(-1)!.parts).toEqual([
      { type: "tool_result", id: "call_issueRefund_1", name: "issueRefund", content: "Refunds above 20 EUR need a receipt.", status: "denied" },
    ]);
  });
});
