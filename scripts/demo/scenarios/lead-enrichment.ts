/**
 * A nightly CRM job on a self-hosted model ("acme-llm-1") that no price table
 * knows, so its traces show as unpriced rather than free. No user session.
 */
import { traceAgent } from "../../../instrumentation/index";
import { asHistory, assistantCalls, assistantSays, createToolCall, runTool, toolReturns, userSays } from "../conversation";
import { callModel } from "../fake-model";
import type { ScenarioContext } from "../scenario-context";

const ENRICH_SYSTEM = "Enrich each lead with company size, industry and a one-line fit summary. Use the CRM tools.";
const COMPANIES = ["Northwind Traders", "Globex", "Initech", "Umbrella Labs", "Stark Logistics", "Wayne Analytics"];

/** Enriches one small batch of leads as its own trace. */
export async function runLeadEnrichment(ctx: ScenarioContext): Promise<void> {
  const batch = Array.from({ length: ctx.rng.int(1, 3) }, () => ctx.rng.pick(COMPANIES));
  const input = `Enrich leads: ${batch.join(", ")}`;
  await traceAgent("lead-enrichment", { input, provider: "acme", model: "acme-llm-1", clock: ctx.clock.now }, async (agent) => {
    ctx.recordTrace(agent.traceId);
    const messages = [userSays(input)];
    for (const company of batch) {
      const call = createToolCall(ctx, "lookup_company", { name: company });
      messages.push(
        asHistory(await callModel(ctx, { model: "acme-llm-1", system: ENRICH_SYSTEM, messages, reply: assistantCalls([call]), contextTokens: 600 })),
      );
      const profile = { name: company, employees: ctx.rng.int(20, 5000), industry: ctx.rng.pick(["logistics", "retail", "software", "biotech"]) };
      messages.push(toolReturns(call, await runTool(ctx, call, () => profile, { latencyMs: [100, 700] })));
    }
    const update = createToolCall(ctx, "update_crm", { leads: batch.length });
    messages.push(
      asHistory(await callModel(ctx, { model: "acme-llm-1", system: ENRICH_SYSTEM, messages, reply: assistantCalls([update]), contextTokens: 600 })),
    );
    messages.push(toolReturns(update, await runTool(ctx, update, () => ({ updated: batch.length }), { latencyMs: [150, 500] })));
    const reply = assistantSays(`Enriched ${batch.length} lead(s) and updated the CRM.`);
    await callModel(ctx, { model: "acme-llm-1", system: ENRICH_SYSTEM, messages, reply, contextTokens: 600 });
    agent.setOutput([reply]);
  });
}
