import "server-only";
// One evaluation of one rule, for the scheduler and the "evaluate now" endpoint: measure (rollups),
// evaluate (pure), record the transition (one transaction), then notify the webhook in the
// background when an incident opened or closed, so a slow receiver never holds up evaluations.
import { getEnv } from "@/lib/env";
import { listExampleTraces, measureRule } from "@/lib/data/alerts/alert-measurements";
import { deliverWebhook, retryDelays } from "./deliver-webhook";
import { evaluateRule, type Evaluation, type Transition } from "@/lib/alerts/evaluate";
import { buildPayload } from "@/lib/alerts/payload";
import type { AlertRule, Incident } from "@/lib/data/alerts/rows";
import { recordDelivery, recordEvaluation } from "@/lib/data/alerts/alert-store";

export type RuleRun = { evaluation: Evaluation; transition: Transition; incident: Incident | null; notifying: boolean };

/** Base of links in notifications: HINDSIGHT_PUBLIC_URL, else the requesting origin, else localhost:PORT. */
export function publicBaseUrl(requestOrigin?: string): string {
  const env = getEnv();
  return env.HINDSIGHT_PUBLIC_URL || requestOrigin || `http://localhost:${env.PORT}`;
}

/** Evaluates `rule` at `nowMs` (default now) and applies the result. */
export async function runRule(rule: AlertRule, options: { nowMs?: number; baseUrl?: string } = {}): Promise<RuleRun> {
  const nowMs = options.nowMs ?? Date.now();
  const evaluation = evaluateRule(rule, await measureRule(rule, nowMs));
  // Read before the transaction (it must stay short); only kept when an incident opens.
  const examples = evaluation.breached ? await listExampleTraces(rule, evaluation.window) : [];
  const { transition, incident } = await recordEvaluation(rule.id, evaluation, examples, nowMs);
  const notifying = incident !== null && rule.webhookUrl !== null && (transition === "fire" || transition === "resolve");
  if (notifying) void notify(rule, incident, evaluation, options.baseUrl ?? publicBaseUrl());
  return { evaluation, transition, incident, notifying };
}

async function notify(rule: AlertRule, incident: Incident, evaluation: Evaluation, baseUrl: string): Promise<void> {
  const url = rule.webhookUrl!;
  const state = incident.state === "open" ? "firing" : "resolved";
  const payload = buildPayload(baseUrl, {
    state,
    rule,
    incident,
    value: evaluation.value,
    baseline: evaluation.baseline,
    limit: evaluation.limit,
    window: evaluation.window,
  });
  try {
    const delivered = await deliverWebhook(url, payload, {
      delaysMs: retryDelays(getEnv().HINDSIGHT_ALERT_RETRY_BASE_MS),
      onAttempt: (attempt) => recordDelivery(incident.id, state, url, attempt),
    });
    if (!delivered) console.warn(`[hindsight] alert "${rule.name}": ${state} notification to ${url} failed (attempts recorded on incident ${incident.id})`);
  } catch (error) {
    console.error(`[hindsight] alert "${rule.name}": recording the ${state} notification failed: ${(error as Error).message}`);
  }
}
