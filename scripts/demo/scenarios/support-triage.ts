/**
 * Customer support: a triage agent classifies the ticket (gpt-4o-mini), looks
 * things up (gpt-4o with parallel tool calls) and hands refunds to a refunds
 * sub-agent on Claude. Variants, one per trace of a multi-turn session:
 *   order_status · refund · refund_fails (tool error, handled) ·
 *   refund_crash (tool error escapes the agents) · follow_up ·
 *   order_status_expensive (an order status answered by pasting the
 *   customer's whole order history into gpt-4o: five times the usual cost;
 *   "Compare with baseline" shows the extra step and the bigger prompts)
 */
import { traceAgent } from "../../../instrumentation/index";
import type { InputMessage } from "../../../instrumentation/index";
import { runInParallel } from "../clock";
import { asHistory, assistantCalls, assistantSays, createToolCall, runTool, toolReturns, userSays } from "../conversation";
import { callModel } from "../fake-model";
import type { ScenarioContext } from "../scenario-context";
import { runRefundsAgent } from "./refunds";

const TRIAGE_SYSTEM = "You are Acme Outfitters' support triage agent. Classify the request, use tools to check facts, hand refunds to the refunds agent.";
const CLASSIFY_SYSTEM = 'Classify the customer message. Answer with JSON {"intent": "order_status" | "refund" | "other"}.';

/** The expensive variant pastes the whole order history into every gpt-4o prompt: this many tokens more. */
const HISTORY_TOKENS = 15_000;
const isOrderStatus = (ctx: ScenarioContext) => ctx.plan.variant.startsWith("order_status");
const contextTokensOf = (ctx: ScenarioContext) => (ctx.plan.variant === "order_status_expensive" ? 1450 + HISTORY_TOKENS : 1450);

/** A stable order number per session, so every turn talks about the same order. */
function getOrderId(ctx: ScenarioContext): string {
  let hash = 0;
  for (const char of ctx.plan.sessionId ?? "") hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `A-${10000 + (hash % 90000)}`;
}

function getQuestion(ctx: ScenarioContext, orderId: string): string {
  switch (ctx.plan.variant) {
    case "order_status":
    case "order_status_expensive":
      return ctx.rng.pick([`Where is my order ${orderId}? It was supposed to arrive Tuesday.`, `Hi, can you tell me when ${orderId} ships?`]);
    case "follow_up":
      return ctx.rng.pick(["Thanks! How long until the money is back on my card?", "Great, and can I still exchange the size instead?"]);
    default:
      return ctx.rng.pick([`The boots in ${orderId} arrived damaged, I want a refund.`, `Please refund ${orderId}, the jacket doesn't fit.`]);
  }
}

async function classify(ctx: ScenarioContext, question: string): Promise<void> {
  const intent = ctx.plan.variant.startsWith("refund") ? "refund" : isOrderStatus(ctx) ? "order_status" : "other";
  await callModel(ctx, {
    model: "gpt-4o-mini",
    system: CLASSIFY_SYSTEM,
    messages: [userSays(question)],
    reply: assistantSays(JSON.stringify({ intent })),
    contextTokens: 40,
    temperature: 0,
  });
}

async function lookUpFacts(ctx: ScenarioContext, messages: InputMessage[], orderId: string): Promise<void> {
  if (ctx.plan.variant === "order_status_expensive") await fetchOrderHistory(ctx, messages, orderId);
  const lookup = createToolCall(ctx, "lookup_order", { orderId });
  const search = createToolCall(ctx, "search_kb", { query: isOrderStatus(ctx) ? "shipping delays carrier" : "refund policy damaged items" });
  const calls = isOrderStatus(ctx) || ctx.rng.chance(0.5) ? [lookup, search] : [lookup];
  const request = await callModel(ctx, { model: "gpt-4o", system: TRIAGE_SYSTEM, messages, reply: assistantCalls(calls), contextTokens: contextTokensOf(ctx) });
  messages.push(asHistory(request));
  const order = { orderId, status: ctx.rng.pick(["shipped", "in_transit", "delivered"]), carrier: "UPS", total: ctx.rng.int(40, 320) + 0.99 };
  const article = { id: `kb-${ctx.rng.int(100, 999)}`, title: "Refunds and returns", snippet: "Damaged items are refunded in full within 5-7 business days." };
  // The model asked for both at once: they run concurrently.
  const results = await runInParallel(
    ctx.clock,
    calls.map((call) => (branch) => runTool(ctx, call, () => (call.name === "lookup_order" ? order : [article]), { latencyMs: [40, 900], clock: branch })),
  );
  calls.forEach((call, index) => messages.push(toolReturns(call, results[index])));
}

/** Runs one support turn as its own trace. */
export async function runSupportTriage(ctx: ScenarioContext): Promise<void> {
  const orderId = getOrderId(ctx);
  const question = getQuestion(ctx, orderId);
  const history: InputMessage[] =
    ctx.plan.turn > 0 ? [userSays(`Where is my order ${orderId}?`), asHistory(assistantSays(`Order ${orderId} is in transit with UPS.`))] : [];
  await traceAgent("support-triage", { input: question, version: "1.4.2", conversationId: ctx.plan.sessionId, clock: ctx.clock.now }, async (agent) => {
    ctx.recordTrace(agent.traceId);
    ctx.clock.advance(ctx.rng.int(5, 40));
    await classify(ctx, question);
    const messages = [...history, userSays(question)];
    if (ctx.plan.variant === "follow_up") {
      const reply = assistantSays("Refunds usually reach your card within 5-7 business days. Anything else I can help with?");
      await callModel(ctx, { model: "gpt-4o-mini", system: TRIAGE_SYSTEM, messages, reply, contextTokens: 1450 });
      agent.setOutput([reply]);
      return;
    }
    await lookUpFacts(ctx, messages, orderId);
    let answer = `Your order ${orderId} is on its way with UPS and should arrive within 2 business days.`;
    if (!isOrderStatus(ctx)) {
      const handoff = createToolCall(ctx, "transfer_to_refunds", { orderId, reason: "customer requests refund" });
      messages.push(
        asHistory(await callModel(ctx, { model: "gpt-4o", system: TRIAGE_SYSTEM, messages, reply: assistantCalls([handoff]), contextTokens: 1450 })),
      );
      await runTool(ctx, handoff, () => ({ assistant: "refunds" }), { latencyMs: [2, 10] });
      answer = await runRefundsAgent(ctx, orderId, question);
      messages.push(toolReturns(handoff, { summary: answer }));
    }
    const reply = assistantSays(answer);
    await callModel(ctx, { model: "gpt-4o", system: TRIAGE_SYSTEM, messages, reply, contextTokens: contextTokensOf(ctx) });
    agent.setOutput(answer);
  });
}

/** The expensive habit: fetch every order the customer ever placed before looking at the one asked about. */
async function fetchOrderHistory(ctx: ScenarioContext, messages: InputMessage[], orderId: string): Promise<void> {
  const call = createToolCall(ctx, "fetch_order_history", { orderId, include: "all_orders" });
  messages.push(
    asHistory(await callModel(ctx, { model: "gpt-4o", system: TRIAGE_SYSTEM, messages, reply: assistantCalls([call]), contextTokens: contextTokensOf(ctx) })),
  );
  const orders = Array.from({ length: 40 }, (_, i) => ({ orderId: `A-${20000 + i}`, status: "delivered", total: ctx.rng.int(20, 300) + 0.99 }));
  messages.push(toolReturns(call, await runTool(ctx, call, () => orders, { latencyMs: [600, 1400] })));
}
