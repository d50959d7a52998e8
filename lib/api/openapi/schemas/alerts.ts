// Response schemas of the alerts API: rules, incidents with their webhook deliveries, evaluations.
// tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to the views the routes build.
import { z } from "zod";
import { ALERT_METRICS, ALERT_SCOPES } from "@/lib/alerts/rule-schema";
import { isoTime, orNull } from "./common";

const metric = z.enum(ALERT_METRICS).meta({ id: "AlertMetric" });
const scope = z.enum(ALERT_SCOPES).meta({ id: "AlertScope", description: "All traces, or one task (trace name), agent (outermost agent) or user." });
const webhookUrl = z.string().nullable().meta({ description: "Shown with its path and query masked to callers without the admin permission." });

export const alertRuleSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    metric,
    scope,
    scopeValue: z.string().nullable().meta({ description: "The task, agent or user; null for scope all." }),
    threshold: z.number().nullable().meta({
      description:
        "Absolute limit: USD (cost metrics, wasted_cost_per_hour), ms (p95_latency_ms) or a fraction 0–1 (error_rate, loop_rate: the share of runs with a tool loop).",
    }),
    driftPct: z.number().nullable().meta({ description: "Fires when the value is more than this % above its 7-day baseline." }),
    windowMinutes: z.int(),
    minRuns: z.int().meta({ description: "Fewer runs in the window means no data: the rule never fires and an open incident resolves." }),
    webhookUrl,
    enabled: z.boolean(),
    lastValue: z.number().nullable(),
    state: z.enum(["ok", "firing"]),
    openIncidentId: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    lastEvaluatedAt: isoTime.nullable(),
  })
  .meta({ id: "AlertRule" });

export const alertRuleCreatedSchema = z
  .strictObject({
    ...alertRuleSchema.shape,
    webhookSecret: z.string().nullable().meta({ description: "Signs the webhook deliveries (X-Hindsight-Signature); shown this once." }),
  })
  .meta({ id: "AlertRuleCreated" });

export const alertRuleListSchema = z.strictObject({ data: z.array(alertRuleSchema) }).meta({ id: "AlertRuleList" });

const deliverySchema = z
  .strictObject({
    event: z.enum(["firing", "resolved"]),
    attempt: z.int(),
    httpStatus: z.int().nullable(),
    ok: z.boolean(),
    error: z.string().nullable(),
    durationMs: z.number(),
    url: webhookUrl.unwrap(),
    at: isoTime,
  })
  .meta({ id: "WebhookDelivery" });

export const incidentSchema = z
  .strictObject({
    id: z.string(),
    ruleId: z.string(),
    state: z.enum(["open", "resolved"]),
    baseline: z.number().nullable(),
    threshold: z.number().meta({ description: "The limit in force when the incident opened." }),
    peakValue: z.number(),
    lastValue: z.number(),
    exampleTraceIds: z.array(z.string()),
    rule: z.strictObject({ id: z.string(), name: z.string(), metric, scope, scopeValue: z.string().nullable() }),
    startedAt: isoTime,
    endedAt: isoTime.nullable(),
    value: z.number().meta({ description: "The value that opened the incident." }),
    deliveries: z.array(deliverySchema),
  })
  .meta({ id: "AlertIncident" });

export const incidentListSchema = z.strictObject({ data: z.array(incidentSchema) }).meta({ id: "AlertIncidentList" });

const range = z.strictObject({ from: isoTime, to: isoTime });
export const evaluationSchema = z
  .strictObject({
    value: z.number().nullable().meta({ description: "Null when there is no data (fewer runs than minRuns)." }),
    baseline: z.number().nullable(),
    threshold: z.number().nullable().meta({ description: "The lowest limit in force." }),
    breached: z.boolean(),
    runs: z.int(),
    window: range,
    baselineWindow: range,
  })
  .meta({ id: "AlertEvaluation" });

export const evaluateAnswerSchema = z
  .strictObject({
    rule: alertRuleSchema,
    evaluation: evaluationSchema,
    transition: z.enum(["fire", "resolve", "continue", "none"]).meta({ description: "What the evaluation did to the rule's incident." }),
    incident: orNull(incidentSchema),
    notifying: z.boolean().meta({ description: "True when the webhook is being notified (in the background)." }),
  })
  .meta({ id: "AlertEvaluateAnswer" });
