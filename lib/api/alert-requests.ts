import "server-only";
// Request handling shared by the alert routes: JSON bodies validated into a rule configuration and
// query strings of the incident list, each error a 400 naming the field. Keeps the handlers thin.
import { getEnv } from "@/lib/env";
import { checkWebhookUrl } from "@/lib/net/webhook-address";
import { jsonError, readJsonBody } from "@/lib/api/respond";
import type { Evaluation } from "@/lib/alerts/evaluate";
import type { AlertRule } from "@/lib/data/alerts/rows";
import { DEFAULT_INCIDENT_LIMIT, INCIDENT_PARAMS } from "@/lib/alerts/incident-params";
import { firstIssue, resolveRuleConfig, ruleCreateSchema, rulePatchSchema, type AlertRuleConfig } from "@/lib/alerts/rule-schema";
import type { IncidentQuery } from "@/lib/data/alerts/incidents";

const badField = (field: string, message: string) => jsonError(400, `${field}: ${message}`, { parameter: field });

/** The configuration a POST (no `existing`) or PUT (over `existing`) body asks for. */
export async function readRuleBody(request: Request, existing?: AlertRule): Promise<{ ok: true; config: AlertRuleConfig } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return { ok: false, response: badField("body", "must be a JSON object") };
  const parsed = (existing ? rulePatchSchema : ruleCreateSchema).safeParse(body.value);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    return { ok: false, response: badField(field, message) };
  }
  const checked = resolveRuleConfig(parsed.data, existing);
  if (!checked.ok) return { ok: false, response: badField(checked.field, checked.message) };
  const webhook = await checkRuleWebhook(checked.config.webhookUrl);
  return webhook === null ? { ok: true, config: checked.config } : { ok: false, response: badField("webhookUrl", webhook) };
}

/**
 * Why a rule's webhook URL is refused (private, loopback, link-local or metadata addresses), or null.
 * An unchanged URL is checked again too: its host may resolve elsewhere now.
 */
export async function checkRuleWebhook(url: string | null): Promise<string | null> {
  if (url === null) return null;
  const check = await checkWebhookUrl(url, { allowPrivate: getEnv().HINDSIGHT_WEBHOOK_ALLOW_PRIVATE });
  return check.ok ? null : check.reason;
}

/** Parameters of GET /api/v1/alerts/incidents. */
export function parseIncidentParams(params: URLSearchParams): { ok: true; query: IncidentQuery } | { ok: false; response: Response } {
  const values: Partial<IncidentQuery> = {};
  for (const [key, raw] of params) {
    const schema = INCIDENT_PARAMS[key as keyof typeof INCIDENT_PARAMS];
    if (!schema) return { ok: false, response: badField(key, `unknown parameter; allowed: ${Object.keys(INCIDENT_PARAMS).join(", ")}`) };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, response: badField(key, parsed.error.issues[0]?.message ?? "is invalid") };
    Object.assign(values, { [key]: parsed.data });
  }
  return { ok: true, query: { ...values, limit: values.limit ?? DEFAULT_INCIDENT_LIMIT } };
}

/** An evaluation as the "evaluate now" endpoint shows it. */
export function toEvaluationView(e: Evaluation) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    value: e.value,
    baseline: e.baseline,
    threshold: e.limit,
    breached: e.breached,
    runs: e.runs,
    window: { from: iso(e.window.fromMs), to: iso(e.window.toMs) },
    baselineWindow: { from: iso(e.baselineRange.fromMs), to: iso(e.baselineRange.toMs) },
  };
}
