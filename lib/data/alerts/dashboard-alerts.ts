import "server-only";
// The alerts page: rules with their state, open incidents and the latest resolved ones, in the plain
// shapes of lib/forms/alert-form.ts.
import { maskWebhookUrl } from "@/lib/alerts/webhook-mask";
import type { AlertRuleRow, IncidentRow } from "@/lib/forms/alert-form";
import { listIncidents, type IncidentView } from "@/lib/data/alerts/incidents";
import { listRules } from "@/lib/data/alerts/alert-store";
import type { ProjectScope } from "@/lib/data/scope";

const RESOLVED_SHOWN = 50;

export type AlertsOverview = { rules: AlertRuleRow[]; open: IncidentRow[]; resolved: IncidentRow[] };

/** Every rule, the open incidents and the latest resolved ones. */
export async function getAlertsOverview(scope: ProjectScope, options: { revealWebhookUrls: boolean }): Promise<AlertsOverview> {
  const [rules, open, resolved] = await Promise.all([
    listRules(scope),
    listIncidents(scope, { state: "open", limit: 500 }, { revealWebhookUrl: options.revealWebhookUrls }),
    listIncidents(scope, { state: "resolved", limit: RESOLVED_SHOWN }, { revealWebhookUrl: options.revealWebhookUrls }),
  ]);
  return {
    rules: rules.map((r) => ({
      id: r.id,
      name: r.name,
      metric: r.metric,
      scope: r.scope,
      scopeValue: r.scopeValue,
      threshold: r.threshold,
      driftPct: r.driftPct,
      windowMinutes: r.windowMinutes,
      minRuns: r.minRuns,
      webhookUrl: r.webhookUrl && !options.revealWebhookUrls ? maskWebhookUrl(r.webhookUrl) : r.webhookUrl,
      enabled: r.enabled,
      scoreName: r.scoreName,
      isFiring: r.openIncidentId !== null,
      lastValue: r.lastValue,
      lastEvaluatedAt: r.lastEvaluatedMs === null ? null : new Date(r.lastEvaluatedMs).toISOString(),
    })),
    open: open.map(toIncidentRow),
    resolved: resolved.map(toIncidentRow),
  };
}

function toIncidentRow(i: IncidentView): IncidentRow {
  return {
    id: i.id,
    state: i.state,
    ruleName: i.rule.name,
    metric: i.rule.metric,
    scope: i.rule.scope,
    scopeValue: i.rule.scopeValue,
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    value: i.value,
    threshold: i.threshold,
    baseline: i.baseline,
    peakValue: i.peakValue,
    exampleTraceIds: i.exampleTraceIds,
    deliveries: { ok: i.deliveries.filter((d) => d.ok).length, failed: i.deliveries.filter((d) => !d.ok).length },
  };
}
