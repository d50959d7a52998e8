// Stored alert rows ↔ domain types ↔ the API's JSON. Both drivers are handled: better-sqlite3 returns
// every integer as bigint (safe integers) and booleans as 0/1; node-postgres returns int8 as bigint.
import type { Row, SqlValue } from "@/lib/db/sql";
import type { AlertMetric, AlertRuleConfig, AlertScope } from "@/lib/alerts/rule-schema";
import { maskWebhookUrl } from "@/lib/alerts/webhook-mask";

export const RULE_COLUMNS = [
  "name",
  "metric",
  "scope",
  "scopeValue",
  "threshold",
  "driftPct",
  "windowMinutes",
  "minRuns",
  "webhookUrl",
  "enabled",
  "scoreName",
] as const satisfies readonly (keyof AlertRuleConfig)[];

export type AlertRule = AlertRuleConfig & {
  id: string;
  projectId: string;
  /** Signs the rule's webhook deliveries; never shown after the rule was created. */
  webhookSecret: string | null;
  createdMs: number;
  updatedMs: number;
  lastEvaluatedMs: number | null;
  lastValue: number | null;
  openIncidentId: string | null;
};

export type Incident = {
  id: string;
  ruleId: string;
  state: "open" | "resolved";
  startMs: number;
  endMs: number | null;
  startValue: number;
  baseline: number | null;
  threshold: number;
  peakValue: number;
  lastValue: number;
  exampleTraceIds: string[];
};

export type Delivery = {
  event: "firing" | "resolved";
  attempt: number;
  url: string;
  httpStatus: number | null;
  ok: boolean;
  error: string | null;
  atMs: number;
  durationMs: number;
};

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const ruleValues = (c: AlertRuleConfig): SqlValue[] => RULE_COLUMNS.map((column) => c[column]);

export function fromRuleRow(row: Row): AlertRule {
  return {
    id: String(row.id),
    projectId: String(row.projectId),
    webhookSecret: strOrNull(row.webhookSecret),
    name: String(row.name),
    metric: row.metric as AlertMetric,
    scope: row.scope as AlertScope,
    scopeValue: strOrNull(row.scopeValue),
    threshold: numOrNull(row.threshold),
    driftPct: numOrNull(row.driftPct),
    windowMinutes: num(row.windowMinutes),
    minRuns: num(row.minRuns),
    webhookUrl: strOrNull(row.webhookUrl),
    enabled: Boolean(Number(row.enabled)),
    scoreName: strOrNull(row.scoreName),
    createdMs: num(row.createdMs),
    updatedMs: num(row.updatedMs),
    lastEvaluatedMs: numOrNull(row.lastEvaluatedMs),
    lastValue: numOrNull(row.lastValue),
    openIncidentId: strOrNull(row.openIncidentId),
  };
}

export function incidentOf(row: Row): Incident {
  return {
    id: String(row.id),
    ruleId: String(row.ruleId),
    state: row.state === "open" ? "open" : "resolved",
    startMs: num(row.startMs),
    endMs: numOrNull(row.endMs),
    startValue: num(row.startValue),
    baseline: numOrNull(row.baseline),
    threshold: num(row.threshold),
    peakValue: num(row.peakValue),
    lastValue: num(row.lastValue),
    exampleTraceIds: JSON.parse(String(row.exampleTraceIds)) as string[],
  };
}

export function deliveryOf(row: Row): Delivery {
  return {
    event: row.event === "resolved" ? "resolved" : "firing",
    attempt: num(row.attempt),
    url: String(row.url),
    httpStatus: numOrNull(row.httpStatus),
    ok: Boolean(Number(row.ok)),
    error: strOrNull(row.error),
    atMs: num(row.atMs),
    durationMs: num(row.durationMs),
  };
}

/** A rule as the API shows it; callers who are not project admins see the webhook URL's path and query masked. */
export function toRuleView(rule: AlertRule, options: { revealWebhookUrl: boolean }) {
  const { createdMs, updatedMs, lastEvaluatedMs, openIncidentId, webhookSecret: _secret, projectId: _project, ...config } = rule;
  return {
    ...config,
    webhookUrl: config.webhookUrl && !options.revealWebhookUrl ? maskWebhookUrl(config.webhookUrl) : config.webhookUrl,
    state: openIncidentId ? ("firing" as const) : ("ok" as const),
    openIncidentId,
    createdAt: iso(createdMs),
    updatedAt: iso(updatedMs),
    lastEvaluatedAt: isoOrNull(lastEvaluatedMs),
  };
}

/** An incident as the API shows it, with its rule's identity and its delivery attempts. */
export function toIncidentView(
  incident: Incident,
  rule: Pick<AlertRule, "name" | "metric" | "scope" | "scopeValue">,
  deliveries: readonly Delivery[],
  options: { revealWebhookUrl: boolean },
) {
  const { startMs, endMs, startValue, ...rest } = incident;
  return {
    ...rest,
    rule: { id: incident.ruleId, name: rule.name, metric: rule.metric, scope: rule.scope, scopeValue: rule.scopeValue },
    startedAt: iso(startMs),
    endedAt: isoOrNull(endMs),
    value: startValue,
    deliveries: deliveries.map(({ atMs, url, ...d }) => ({ ...d, url: options.revealWebhookUrl ? url : maskWebhookUrl(url), at: iso(atMs) })),
  };
}
