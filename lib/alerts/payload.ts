// The JSON a rule's webhook receives when an incident opens ("firing") or closes ("resolved"), and
// the dashboard links in it. Pure.
import type { AlertRuleConfig } from "./rule-schema";
import type { TimeRange } from "./window";

export type AlertState = "firing" | "resolved";

export type WebhookPayload = {
  state: AlertState;
  rule: Pick<AlertRuleConfig, "name" | "metric" | "scope" | "scopeValue" | "threshold" | "driftPct" | "windowMinutes"> & { id: string };
  incident: { id: string; startedAt: string; endedAt: string | null; peakValue: number };
  /** The rule's value over the window at this evaluation (null: no data). */
  value: number | null;
  /** Its 7-day baseline (null: no history). */
  baseline: number | null;
  /** The limit in force: the absolute threshold or baseline × (1 + driftPct/100), the lower one. */
  threshold: number | null;
  window: { from: string; to: string };
  links: { traces: string; examples: { traceId: string; url: string }[] };
};

export type PayloadInput = {
  state: AlertState;
  rule: AlertRuleConfig & { id: string };
  incident: { id: string; startMs: number; endMs: number | null; peakValue: number; exampleTraceIds: readonly string[] };
  value: number | null;
  baseline: number | null;
  limit: number | null;
  window: TimeRange;
};

const iso = (ms: number) => new Date(ms).toISOString();
/** The trace list's filter for each scope (parameters of GET /api/v1/traces, lib/trace/trace-params.ts). */
const SCOPE_PARAM = { task: "name", agent: "agent", user: "userId" } as const;

/** The trace list filtered to the rule's scope and window, worst first for its metric. */
export function tracesLink(baseUrl: string, rule: Pick<AlertRuleConfig, "metric" | "scope" | "scopeValue">, window: TimeRange): string {
  const params = new URLSearchParams();
  if (rule.scope !== "all" && rule.scopeValue !== null) params.set(SCOPE_PARAM[rule.scope], rule.scopeValue);
  params.set("from", iso(window.fromMs));
  params.set("to", iso(window.toMs));
  if (rule.metric === "error_rate") params.set("status", "error");
  else if (rule.metric === "loop_rate") params.set("finding", "tool_loop");
  else params.set("sort", rule.metric === "p95_latency_ms" ? "duration" : "cost");
  if (rule.metric !== "error_rate" && rule.metric !== "loop_rate") params.set("order", "desc");
  return `${baseUrl.replace(/\/+$/, "")}/traces?${params}`;
}

export function buildPayload(baseUrl: string, input: PayloadInput): WebhookPayload {
  const { rule, incident } = input;
  const base = baseUrl.replace(/\/+$/, "");
  return {
    state: input.state,
    rule: {
      id: rule.id,
      name: rule.name,
      metric: rule.metric,
      scope: rule.scope,
      scopeValue: rule.scopeValue,
      threshold: rule.threshold,
      driftPct: rule.driftPct,
      windowMinutes: rule.windowMinutes,
    },
    incident: {
      id: incident.id,
      startedAt: iso(incident.startMs),
      endedAt: incident.endMs === null ? null : iso(incident.endMs),
      peakValue: incident.peakValue,
    },
    value: input.value,
    baseline: input.baseline,
    threshold: input.limit,
    window: { from: iso(input.window.fromMs), to: iso(input.window.toMs) },
    links: {
      traces: tracesLink(base, rule, input.window),
      examples: incident.exampleTraceIds.map((traceId) => ({ traceId, url: `${base}/traces/${traceId}` })),
    },
  };
}
