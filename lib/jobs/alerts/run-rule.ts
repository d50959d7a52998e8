import "server-only";
// One evaluation of one rule, for the scheduler and the "evaluate now" endpoint: measure (rollups),
// evaluate (pure), record the transition with its webhook notification (one transaction: the
// notification is queued in the database, lib/data/alerts/alert-outbox.ts), then let this server's
// outbox worker send it at once, so a slow receiver never holds up evaluations and a notification
// survives this process.
import { getEnv } from "@/lib/env";
import { evaluateRule, type Evaluation, type Transition } from "@/lib/alerts/evaluate";
import { buildPayload } from "@/lib/alerts/payload";
import type { Project } from "@/lib/data/access/projects";
import { listExampleTraces, measureRule } from "@/lib/data/alerts/alert-measurements";
import { recordEvaluation } from "@/lib/data/alerts/alert-store";
import type { AlertRule, Incident } from "@/lib/data/alerts/rows";
import type { ProjectScope } from "@/lib/data/scope";
import { projectPath } from "@/lib/format/project-path";
import { kickOutbox } from "./outbox-worker";

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
  const projectBase = `${(options.baseUrl ?? publicBaseUrl()).replace(/\/+$/, "")}${projectPath(project.slug)}`;
  const notificationOf = (incident: Incident) => {
    if (rule.webhookUrl === null) return null;
    const event = incident.state === "open" ? ("firing" as const) : ("resolved" as const);
    const payload = buildPayload(projectBase, {
      state: event,
      rule,
      incident,
      value: evaluation.value,
      baseline: evaluation.baseline,
      limit: evaluation.limit,
      window: evaluation.window,
    });
    return { event, url: rule.webhookUrl, payload: JSON.stringify(payload) };
  };
  const { transition, incident, notifying } = await recordEvaluation(scope, rule.id, evaluation, examples, nowMs, notificationOf);
  if (notifying) kickOutbox();
  return { evaluation, transition, incident, notifying };
}
