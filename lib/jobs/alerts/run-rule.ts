import "server-only";
// One evaluation of one rule, for the scheduler and the "evaluate now" endpoint: measure (rollups),
// evaluate (pure), record the transition (one transaction), then notify the webhook in the
// background when an incident opened or closed, so a slow receiver never holds up evaluations.
import { getEnv } from "@/lib/env";
import { evaluateRule, type Evaluation, type Transition } from "@/lib/alerts/evaluate";
import { buildPayload } from "@/lib/alerts/payload";
import type { Project } from "@/lib/data/access/projects";
import { listExampleTraces, measureRule } from "@/lib/data/alerts/alert-measurements";
import { recordDelivery, recordEvaluation } from "@/lib/data/alerts/alert-store";
import type { AlertRule, Incident } from "@/lib/data/alerts/rows";
import type { ProjectScope } from "@/lib/data/scope";
import { projectPath } from "@/lib/format/project-path";
import { deliverWebhook, retryDelays } from "./deliver-webhook";

export type RuleRun = { evaluation: Evaluation; transition: Transition; incident: Incident | null; notifying: boolean };

/** Base of links in notifications: HINDSIGHT_PUBLIC_URL, else the requesting origin, else localhost:PORT. */
export function publicBaseUrl(requestOrigin?: string): string {
  const env = getEnv();
  return env.HINDSIGHT_PUBLIC_URL || requestOrigin || `http://localhost:${env.PORT}`;
}

/** Evaluates `rule` of `project` at `nowMs` (default now) and applies the result. */
export async function runRule(
  scope: ProjectScope,
  project: Pick<Project, "slug">,
  rule: AlertRule,
  options: { nowMs?: number; baseUrl?: string } = {},
): Promise<RuleRun> {
  const nowMs = options.nowMs ?? Date.now();
  const evaluation = evaluateRule(rule, await measureRule(scope, rule, nowMs));
  // Read before the transaction (it must stay short); only kept when an incident opens.
  const examples = evaluation.breached ? await listExampleTraces(scope, rule, evaluation.window) : [];
  const { transition, incident } = await recordEvaluation(scope, rule.id, evaluation, examples, nowMs);
  const notifying = incident !== null && rule.webhookUrl !== null && (transition === "fire" || transition === "resolve");
  const projectBase = `${(options.baseUrl ?? publicBaseUrl()).replace(/\/+$/, "")}${projectPath(project.slug)}`;
  if (notifying) void notify(scope, rule, incident, evaluation, projectBase);
  return { evaluation, transition, incident, notifying };
}

async function notify(scope: ProjectScope, rule: AlertRule, incident: Incident, evaluation: Evaluation, projectBase: string): Promise<void> {
  const url = rule.webhookUrl!;
  const state = incident.state === "open" ? "firing" : "resolved";
  const payload = buildPayload(projectBase, {
    state,
    rule,
    incident,
    value: evaluation.value,
    baseline: evaluation.baseline,
    limit: evaluation.limit,
    window: evaluation.window,
  });
  const env = getEnv();
  try {
    const delivered = await deliverWebhook(url, payload, {
      delaysMs: retryDelays(env.HINDSIGHT_ALERT_RETRY_BASE_MS),
      secret: rule.webhookSecret ?? "",
      allowPrivate: env.HINDSIGHT_WEBHOOK_ALLOW_PRIVATE,
      onAttempt: (attempt) => recordDelivery(scope, incident.id, state, url, attempt),
    });
    if (!delivered) console.warn(`[hindsight] alert "${rule.name}": ${state} notification failed (attempts recorded on incident ${incident.id})`);
  } catch (error) {
    console.error(`[hindsight] alert "${rule.name}": recording the ${state} notification failed: ${(error as Error).message}`);
  }
}
