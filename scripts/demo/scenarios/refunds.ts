/**
 * The refunds sub-agent the triage agent hands off to (Claude Sonnet). It asks
 * the orders MCP server whether the order can be refunded; its
 * issue_refund tool fails in the refund_fails and refund_crash variants: the
 * first reports the failure to the model and escalates, the second lets the
 * exception escape so every enclosing agent span ends in error too.
 */
import { traceAgent, traceApproval } from "../../../instrumentation/index";
import { asHistory, assistantCalls, assistantSays, createToolCall, runTool, toolReturns, userSays } from "../conversation";
import { callModel } from "../fake-model";
import { withOrdersMcp } from "../orders-mcp";
import { SimulatedFailure } from "../scenario-context";
import type { ScenarioContext } from "../scenario-context";

const REFUNDS_SYSTEM = "You are the refunds specialist. Check eligibility before issuing a refund; never refund twice.";

/** What a payment provider SDK throws. */
export class PaymentGatewayError extends SimulatedFailure {
  override name = "PaymentGatewayError";
}

/** Refunds above this need a human's approval. */
const APPROVAL_LIMIT_USD = 100;
const APPROVERS = ["dana.support-lead", "marco.finance", "support-leads-queue"];

/**
 * The approval gate: a human decides within minutes; returns the answer for a rejection, else null. Only
 * plain refunds are declined, so the failing-gateway stories still reach the gateway.
 */
async function askForApproval(ctx: ScenarioContext, orderId: string, amount: number): Promise<string | null> {
  const approver = ctx.rng.pick(APPROVERS);
  const { decision } = await traceApproval(
    "issue_refund",
    () => {
      ctx.clock.advance(ctx.rng.int(30_000, 15 * 60_000));
      const roll = ctx.plan.variant === "refund" ? ctx.rng.next() : 1;
      if (roll < 0.15) return { decision: "rejected" as const, approver, reason: "Customer already received a replacement" };
      if (roll < 0.2) return { decision: "timed_out" as const, approver };
      return { decision: "approved" as const, approver };
    },
    { policy: "refunds over $100", request: { orderId, amount }, clock: ctx.clock.now },
  );
  if (decision === "approved") return null;
  return decision === "rejected"
    ? `A supervisor reviewed the refund for ${orderId} and declined it; I've added a note to your case.`
    : `The refund for ${orderId} needs a supervisor's approval; nobody answered in time, so I've escalated it.`;
}

/** Runs the refunds agent as a child of the current (triage) agent and returns its answer. */
export function runRefundsAgent(ctx: ScenarioContext, orderId: string, question: string): Promise<string> {
  return traceAgent("refunds", { input: question, description: "Issues refunds within policy", version: "0.9.0" }, async (agent) => {
    const messages = [userSays(question)];
    const eligibility = createToolCall(ctx, "check_refund_eligibility", { orderId });
    messages.push(
      asHistory(
        await callModel(ctx, { model: "claude-sonnet-4", system: REFUNDS_SYSTEM, messages, reply: assistantCalls([eligibility]), contextTokens: 1900 }),
      ),
    );
    const amount = ctx.rng.int(40, 320) + 0.99;
    // Eligibility lives in the orders service, a real MCP server: the map shows it with its tool.
    const verdict = await withOrdersMcp(ctx, (orders) => orders.checkRefundEligibility(orderId, amount));
    messages.push(toolReturns(eligibility, verdict));

    const refund = createToolCall(ctx, "issue_refund", { orderId, amount, currency: "USD", idempotencyKey: `rf_${ctx.rng.hex(12)}` });
    messages.push(
      asHistory(await callModel(ctx, { model: "claude-sonnet-4", system: REFUNDS_SYSTEM, messages, reply: assistantCalls([refund]), contextTokens: 1900 })),
    );
    if (amount > APPROVAL_LIMIT_USD) {
      const declined = await askForApproval(ctx, orderId, amount);
      if (declined) {
        await callModel(ctx, { model: "claude-sonnet-4", system: REFUNDS_SYSTEM, messages, reply: assistantSays(declined), contextTokens: 1900 });
        agent.setOutput(declined);
        return declined;
      }
    }
    const fails = ctx.plan.variant === "refund_fails" || ctx.plan.variant === "refund_crash";
    const issue = () => {
      if (fails) {
        throw new PaymentGatewayError(ctx.rng.pick(["Gateway timeout after 30000 ms (POST /v1/refunds)", "Refund declined: charge already disputed"]));
      }
      return { refundId: `re_${ctx.rng.hex(16)}`, status: "succeeded", amount };
    };

    if (ctx.plan.variant === "refund_crash") {
      // Nothing catches this: the exception ends the refunds and triage spans in error as well.
      await runTool(ctx, refund, issue, { latencyMs: [2000, 30000], effect: "write" });
    }
    let answer: string;
    try {
      const receipt = await runTool(ctx, refund, issue, { latencyMs: [300, 1800], effect: "write" });
      messages.push(toolReturns(refund, receipt));
      answer = `I've refunded $${amount.toFixed(2)} for ${orderId}; it will show on your card in 5-7 business days.`;
    } catch (error) {
      messages.push(toolReturns(refund, { error: error instanceof Error ? error.message : String(error) }));
      answer = `I couldn't complete the refund for ${orderId} automatically, so I've escalated it to a human agent who will email you within 24 hours.`;
    }
    await callModel(ctx, { model: "claude-sonnet-4", system: REFUNDS_SYSTEM, messages, reply: assistantSays(answer), contextTokens: 1900 });
    agent.setOutput(answer);
    return answer;
  });
}
