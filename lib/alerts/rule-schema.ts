// Alert rules as the API takes them: a metric over a trailing window, for all traces or one task
// (trace name), agent (outermost agent) or user, with an absolute threshold and/or a drift threshold
// in % over the metric's 7-day baseline. Validated with zod; every error names the field. Pure.
import { z } from "zod";

export const ALERT_METRICS = ["cost_per_run", "cost_per_hour", "cost_per_day", "p95_latency_ms", "error_rate", "loop_rate", "wasted_cost_per_hour"] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];
export const ALERT_SCOPES = ["all", "task", "agent", "user"] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

/** Spend metrics measure a fixed window: the spend of the last hour or day. */
export const FIXED_WINDOW_MINUTES: Partial<Record<AlertMetric, number>> = { cost_per_hour: 60, cost_per_day: 1440, wasted_cost_per_hour: 60 };
export const DEFAULT_WINDOW_MINUTES = 60;
export const windowMinutesFor = (metric: AlertMetric) => FIXED_WINDOW_MINUTES[metric] ?? DEFAULT_WINDOW_MINUTES;

export type AlertRuleConfig = {
  name: string;
  metric: AlertMetric;
  scope: AlertScope;
  /** The task, agent or user; null for scope "all". */
  scopeValue: string | null;
  /** Absolute limit: USD (cost metrics), ms (p95_latency_ms) or a fraction 0–1 (error_rate, loop_rate). */
  threshold: number | null;
  /** Fires when the value is more than this % above its baseline. */
  driftPct: number | null;
  windowMinutes: number;
  /** Fewer runs in the window means no data (never fires, resolves an open incident). */
  minRuns: number;
  webhookUrl: string | null;
  enabled: boolean;
};

/** "is required" for a missing field, else `what`. */
const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const text = (max: number) => z.string(expected("must be a string")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const webhookUrl = text(2000).refine((v) => {
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, "must be an http:// or https:// URL");

const FIELDS = {
  name: text(200),
  metric: z.enum(ALERT_METRICS, expected(`must be one of ${ALERT_METRICS.join(", ")}`)),
  scope: z.enum(ALERT_SCOPES, { message: `must be one of ${ALERT_SCOPES.join(", ")}` }),
  scopeValue: text(500).nullish(),
  threshold: z.number({ message: "must be a number" }).finite().min(0, "must be 0 or more").nullish(),
  driftPct: z.number({ message: "must be a number" }).finite().gt(0, "must be more than 0").max(1_000_000, "must be at most 1000000").nullish(),
  windowMinutes: z
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(5, "must be at least 5")
    .max(10_080, "must be at most 10080 (7 days)")
    .nullish(),
  minRuns: z
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1_000_000, "must be at most 1000000")
    .nullish(),
  webhookUrl: webhookUrl.nullish(),
  enabled: z.boolean({ message: "must be true or false" }).optional(),
};

/** POST body: name and metric required, everything else optional. */
export const ruleCreateSchema = z.strictObject({ ...FIELDS, scope: FIELDS.scope.optional() });
/** PUT body: any subset; null clears an optional field. */
export const rulePatchSchema = z.strictObject(FIELDS).partial();
export type RuleCreate = z.infer<typeof ruleCreateSchema>;
export type RulePatch = z.infer<typeof rulePatchSchema>;

export type RuleCheck = { ok: true; config: AlertRuleConfig } | { ok: false; field: string; message: string };

const pick = <K extends keyof RulePatch & keyof AlertRuleConfig>(patch: RulePatch, key: K, fallback: AlertRuleConfig[K]): AlertRuleConfig[K] =>
  key in patch ? ((patch[key] ?? null) as AlertRuleConfig[K]) : fallback;

/**
 * The full configuration after applying `input` to `existing` (or to the defaults when creating),
 * with the checks that span fields.
 */
export function resolveRuleConfig(input: RulePatch, existing?: AlertRuleConfig): RuleCheck {
  const metric = input.metric ?? existing?.metric;
  if (!metric) return { ok: false, field: "metric", message: `is required: one of ${ALERT_METRICS.join(", ")}` };
  const name = input.name ?? existing?.name;
  if (!name) return { ok: false, field: "name", message: "is required" };
  const scope = input.scope ?? existing?.scope ?? "all";
  const scopeValue = pick(input, "scopeValue", scope === "all" ? null : (existing?.scopeValue ?? null));
  if (scope === "all" && scopeValue !== null) return { ok: false, field: "scopeValue", message: "must be omitted when scope is all" };
  if (scope !== "all" && scopeValue === null)
    return { ok: false, field: "scopeValue", message: `is required for scope ${scope} (the ${scope === "task" ? "trace name" : scope})` };
  const threshold = pick(input, "threshold", existing?.threshold ?? null);
  const driftPct = pick(input, "driftPct", existing?.driftPct ?? null);
  if (threshold === null && driftPct === null) return { ok: false, field: "threshold", message: "set threshold, driftPct or both" };
  if ((metric === "error_rate" || metric === "loop_rate") && threshold !== null && threshold > 1)
    return { ok: false, field: "threshold", message: `is a fraction for ${metric}: 0.05 means 5 %` };
  const fixed = FIXED_WINDOW_MINUTES[metric];
  // A metric change resets the window to the new metric's default unless one is given.
  const keptWindow = existing && existing.metric === metric ? existing.windowMinutes : windowMinutesFor(metric);
  const windowMinutes = input.windowMinutes ?? keptWindow;
  if (fixed !== undefined && windowMinutes !== fixed) return { ok: false, field: "windowMinutes", message: `is fixed at ${fixed} for ${metric}` };
  return {
    ok: true,
    config: {
      name,
      metric,
      scope,
      scopeValue,
      threshold,
      driftPct,
      windowMinutes,
      minRuns: input.minRuns ?? existing?.minRuns ?? 1,
      webhookUrl: pick(input, "webhookUrl", existing?.webhookUrl ?? null),
      enabled: input.enabled ?? existing?.enabled ?? true,
    },
  };
}

/** The field and message of a zod failure (unknown keys name the key). */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: "body", message: "is invalid" };
  if (issue.code === "unrecognized_keys") return { field: issue.keys[0] ?? "body", message: "is not a rule field" };
  return { field: issue.path.join(".") || "body", message: issue.message };
}
