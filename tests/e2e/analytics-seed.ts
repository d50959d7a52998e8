// Traces with known times, durations, models and tokens for the dashboards spec, sent through the real
// OTLP exporter. Everything starts more than an hour ago, so the "last hour" views of the other specs
// are unchanged, and names carry their own tag (not seed-data's RUN), so those specs' full-text
// searches do not find them.
//
// Known figures (gpt-4o-mini: $0.15 in, $0.60 out per million tokens):
// - checkout: 5 completed runs (1…5 h ago) + 2 failed runs (2 and 4 h ago), each with one LLM call of
//   10,000 in / 2,000 out tokens = $0.0027 → 7 runs, 2 failed, $0.0189 in all, $0.0054 waste,
//   $0.0027 per completed run. Its tool takes 300·h ms in completed runs, 100 ms in failed ones, so
//   the tool's p95 (and max) is 1.50 s.
// - refund: 3 completed runs (1, 3, 5 h ago), 20,000 in / 1,000 out = $0.0036 each.
// - drift probe: one run an hour for 47 h; the last 8 switch from gpt-4o-mini to gpt-4o and take 3 s
//   instead of 1 s, a level shift the drift page marks.
// - pricing probe: one call of a model no price table knows (unpriced until the prices test adds it),
//   1,000,000 in / 500,000 out tokens, so $1 + $4/MTok prices give $3.00.
import { randomUUID } from "node:crypto";
import type { Attributes } from "@opentelemetry/api";
import { createSeedTracer, type SeedTarget } from "./otlp-seed";

const TAG = (process.env.HINDSIGHT_E2E_ANALYTICS_TAG ??= randomUUID().slice(0, 6));
const HOUR_MS = 3_600_000;

export const ANALYTICS = {
  tag: TAG,
  checkout: `checkout ${TAG}`,
  refund: `refund ${TAG}`,
  drift: `drift probe ${TAG}`,
  pricing: `pricing probe ${TAG}`,
  cartAgent: `cart-agent-${TAG}`,
  refundAgent: `refund-agent-${TAG}`,
  driftAgent: `drift-agent-${TAG}`,
  tool: `charge_card_${TAG}`,
  buyer: `buyer-${TAG}`,
  /** A model no price table knows; a valid price-table key (lower case, no snapshot suffix). */
  unpricedModel: `acme-${TAG}-e2e`,
  /** Hours ago of the first drift run using the expensive model. */
  driftShiftHoursAgo: 8,
} as const;

export type AnalyticsSeedResult = { pricingTraceId: string; checkoutTraceIds: string[] };

const llm = (model: string, input: number, output: number): Attributes => ({
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": model,
  "gen_ai.usage.input_tokens": input,
  "gen_ai.usage.output_tokens": output,
});
const agent = (name: string, userId?: string): Attributes => ({
  "gen_ai.operation.name": "invoke_agent",
  "gen_ai.agent.name": name,
  ...(userId ? { "user.id": userId } : {}),
});
const tool = (name: string): Attributes => ({
  "gen_ai.operation.name": "execute_tool",
  "gen_ai.tool.name": name,
  "gen_ai.tool.call.arguments": JSON.stringify({ amount: 42 }),
});

/** Sends the analytics data; returns the ids the spec opens. */
export async function seedAnalyticsData(target: SeedTarget, nowMs = Date.now()): Promise<AnalyticsSeedResult> {
  const seed = createSeedTracer(target, "e2e-shop");
  const checkoutTraceIds: string[] = [];

  for (let h = 1; h <= 5; h++) {
    const t0 = nowMs - h * HOUR_MS - 10 * 60_000;
    const root = seed.emit(
      { name: ANALYTICS.checkout, startMs: t0, endMs: t0 + 2000 + h * 200, attributes: agent(ANALYTICS.cartAgent, ANALYTICS.buyer) },
      undefined,
    );
    seed.emit({ name: "chat gpt-4o-mini", startMs: t0 + 50, endMs: t0 + 450, attributes: llm("gpt-4o-mini", 10_000, 2_000) }, root);
    seed.emit({ name: `execute_tool ${ANALYTICS.tool}`, startMs: t0 + 500, endMs: t0 + 500 + 300 * h, attributes: tool(ANALYTICS.tool) }, root);
    checkoutTraceIds.push(root.spanContext().traceId);
  }
  for (const h of [2, 4]) {
    const t0 = nowMs - h * HOUR_MS - 20 * 60_000;
    const root = seed.emit({ name: ANALYTICS.checkout, startMs: t0, endMs: t0 + 900, attributes: agent(ANALYTICS.cartAgent, ANALYTICS.buyer) });
    seed.emit({ name: "chat gpt-4o-mini", startMs: t0 + 50, endMs: t0 + 450, attributes: llm("gpt-4o-mini", 10_000, 2_000) }, root);
    seed.emit(
      { name: `execute_tool ${ANALYTICS.tool}`, startMs: t0 + 500, endMs: t0 + 600, attributes: tool(ANALYTICS.tool), error: { message: "card declined" } },
      root,
    );
  }
  for (const h of [1, 3, 5]) {
    const t0 = nowMs - h * HOUR_MS - 30 * 60_000;
    const root = seed.emit({ name: ANALYTICS.refund, startMs: t0, endMs: t0 + 1500, attributes: agent(ANALYTICS.refundAgent, `auditor-${TAG}`) });
    seed.emit({ name: "chat gpt-4o-mini", startMs: t0 + 50, endMs: t0 + 1200, attributes: llm("gpt-4o-mini", 20_000, 1_000) }, root);
  }
  for (let h = 1; h <= 47; h++) {
    const t0 = nowMs - h * HOUR_MS - 40 * 60_000;
    const isShifted = h <= ANALYTICS.driftShiftHoursAgo;
    const root = seed.emit({ name: ANALYTICS.drift, startMs: t0, endMs: t0 + (isShifted ? 3000 : 1000), attributes: agent(ANALYTICS.driftAgent) });
    const model = isShifted ? "gpt-4o" : "gpt-4o-mini";
    seed.emit({ name: `chat ${model}`, startMs: t0 + 50, endMs: t0 + (isShifted ? 2900 : 900), attributes: llm(model, 10_000, 1_000) }, root);
  }
  const probeStart = nowMs - 2 * HOUR_MS;
  const probe = seed.emit({ name: ANALYTICS.pricing, startMs: probeStart, endMs: probeStart + 1000, attributes: agent(`pricing-agent-${TAG}`) });
  seed.emit(
    {
      name: `chat ${ANALYTICS.unpricedModel}`,
      startMs: probeStart + 10,
      endMs: probeStart + 900,
      attributes: llm(ANALYTICS.unpricedModel, 1_000_000, 500_000),
    },
    probe,
  );
  await seed.flush();

  return { pricingTraceId: probe.spanContext().traceId, checkoutTraceIds };
}

/** What global setup seeded, handed to the workers through the environment. */
export function getAnalyticsSeed(): AnalyticsSeedResult {
  const raw = process.env.HINDSIGHT_E2E_ANALYTICS_SEED;
  if (!raw) throw new Error("HINDSIGHT_E2E_ANALYTICS_SEED is unset: run through playwright.config.ts (globalSetup)");
  return JSON.parse(raw) as AnalyticsSeedResult;
}
