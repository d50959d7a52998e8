import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { traceAgent, traceApproval, traceTool } from "../../../instrumentation/index";
import type { ApprovalOutcome } from "../../../instrumentation/index";
import { setContentCapture } from "../../../instrumentation/serialize";
import { getParentSpanId, setupMemoryTracing, toMillis } from "./support/memory-tracing";

const tracing = setupMemoryTracing();

afterEach(() => {
  setContentCapture(true);
});

describe("traceApproval", () => {
  it.each([
    { returned: "approved" as const, decision: "approved" },
    { returned: "rejected" as const, decision: "rejected" },
    { returned: "timed_out" as const, decision: "timed_out" },
    { returned: "escalated" as const, decision: "escalated" },
    { returned: { decision: "rejected" as const, approver: "maya", reason: "over the limit" }, decision: "rejected" },
  ])("records the decision $decision returned by fn, without marking the span failed", async ({ returned, decision }) => {
    const result = await traceApproval("issue_refund", () => returned, { policy: "refunds-over-100" });

    expect(result).toBe(returned);
    const span = await tracing.span("approval issue_refund");
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(span.attributes).toMatchObject({
      "hindsight.approval.action": "issue_refund",
      "hindsight.approval.decision": decision,
      "hindsight.approval.policy": "refunds-over-100",
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes["error.type"]).toBeUndefined();
  });

  it("lasts as long as the wait for the human, as a child of the agent", async () => {
    const clock = { now: Date.UTC(2026, 0, 5, 9, 0) };
    await traceAgent("refunds", { clock: () => clock.now }, async () => {
      await traceApproval("issue_refund", () => {
        clock.now += 90_000;
        return "approved";
      });
      await traceTool("issue_refund", { amount: 250 }, () => "ok", { effect: "write" });
    });

    const [agent, approval, tool] = await Promise.all(
      ["invoke_agent refunds", "approval issue_refund", "execute_tool issue_refund"].map((n) => tracing.span(n)),
    );
    expect(toMillis(approval!.endTime) - toMillis(approval!.startTime)).toBe(90_000);
    expect(getParentSpanId(approval!)).toBe(agent!.spanContext().spanId);
    expect(tool!.attributes["hindsight.tool.effect"]).toBe("write");
  });

  it("takes the approver from the result over the one asked, and from setApprover meanwhile", async () => {
    await traceApproval("deploy", () => ({ decision: "approved" as const, approver: "lee" }), { approver: "on-call" });
    expect((await tracing.span("approval deploy")).attributes["hindsight.approval.approver"]).toBe("lee");

    await traceApproval(
      "delete_account",
      (approval) => {
        approval.setApprover("support-lead");
        return "escalated";
      },
      { approver: "support-queue" },
    );
    expect((await tracing.span("approval delete_account")).attributes["hindsight.approval.approver"]).toBe("support-lead");
  });

  it("records what the human was shown and their reason only while content capture is on", async () => {
    const outcome: ApprovalOutcome = { decision: "rejected", approver: "maya", reason: "Customer already refunded" };
    await traceApproval("issue_refund", () => outcome, { request: { orderId: "A-1", amount: 250 } });
    const captured = await tracing.span("approval issue_refund");
    expect(JSON.parse(String(captured.attributes["input.value"]))).toEqual({ orderId: "A-1", amount: 250 });
    expect(captured.attributes["output.value"]).toBe("Customer already refunded");

    setContentCapture(false);
    await traceApproval("send_email", () => ({ ...outcome }), { request: { to: "someone@example.com" } });
    const redacted = await tracing.span("approval send_email");
    expect(redacted.attributes["input.value"]).toBeUndefined();
    expect(redacted.attributes["output.value"]).toBeUndefined();
    // Decisions and approvers are what governance dashboards count: always recorded.
    expect(redacted.attributes).toMatchObject({ "hindsight.approval.decision": "rejected", "hindsight.approval.approver": "maya" });
  });

  it("records a thrown error as a failure of the approval, not as a decision", async () => {
    await expect(traceApproval("issue_refund", () => Promise.reject(new TypeError("approval service down")))).rejects.toThrow("approval service down");
    const span = await tracing.span("approval issue_refund");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["error.type"]).toBe("TypeError");
    expect(span.attributes["hindsight.approval.decision"]).toBeUndefined();
    expect(span.events.map((event) => event.name)).toEqual(["exception"]);
  });

  it("still records the decision carried by a thrown error, and a TimeoutError as timed_out", async () => {
    class RejectedByHuman extends Error {
      readonly decision = "rejected";
    }
    await expect(traceApproval("wire_transfer", () => Promise.reject(new RejectedByHuman("no")))).rejects.toThrow(RejectedByHuman);
    const rejected = await tracing.span("approval wire_transfer");
    expect(rejected.attributes).toMatchObject({ "hindsight.approval.decision": "rejected", "error.type": "RejectedByHuman" });

    const waitForHuman = (signal: AbortSignal) =>
      new Promise<"approved">((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error)));
    await expect(traceApproval("close_ticket", () => waitForHuman(AbortSignal.timeout(5)))).rejects.toMatchObject({ name: "TimeoutError" });
    const timedOut = await tracing.span("approval close_ticket");
    expect(timedOut.attributes).toMatchObject({ "hindsight.approval.decision": "timed_out", "error.type": "TimeoutError" });
    expect(timedOut.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("returns an invalid decision unchanged and says on the span what was wrong", async () => {
    const bogus = { decision: "maybe" } as unknown as ApprovalOutcome;
    await expect(traceApproval("issue_refund", () => bogus)).resolves.toBe(bogus);
    const span = await tracing.span("approval issue_refund");
    expect(span.attributes["hindsight.approval.decision"]).toBeUndefined();
    expect(span.attributes["error.type"]).toBe("invalid_approval_decision");
    expect(span.status).toMatchObject({ code: SpanStatusCode.ERROR, message: expect.stringContaining('"maybe"') });
  });
});
