// The alert rule form of the alerts page ↔ the rule API's body (lib/alerts/rule-schema.ts), and the
// plain shapes the page hands to its client components. Pure; safe on client and server.

export const RULE_FIELDS = [
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
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleFormValues = Record<RuleField, string>;

/** Metrics of one named score: only they take a score name (the rule API refuses it elsewhere). */
export const SCORE_RULE_METRICS: readonly string[] = ["score_mean", "score_pass_rate"];

/** What a rule action answers; the form and the rule list show it. */
export type AlertActionState =
  | { status: "idle" }
  | { status: "ok"; message: string; /** Shown once, right after a rule with a webhook is created. */ webhookSecret?: string }
  | { status: "error"; message: string; field?: string; values?: RuleFormValues };

/** A rule as the page lists and edits it. */
export type AlertRuleRow = {
  id: string;
  name: string;
  metric: string;
  scope: string;
  scopeValue: string | null;
  threshold: number | null;
  driftPct: number | null;
  windowMinutes: number;
  minRuns: number;
  webhookUrl: string | null;
  enabled: boolean;
  /** The score a score_mean or score_pass_rate rule measures. */
  scoreName: string | null;
  isFiring: boolean;
  lastValue: number | null;
  lastEvaluatedAt: string | null;
};

/** An incident as the page lists it. */
export type IncidentRow = {
  id: string;
  state: "open" | "resolved";
  ruleName: string;
  metric: string;
  scope: string;
  scopeValue: string | null;
  startedAt: string;
  endedAt: string | null;
  value: number;
  threshold: number;
  baseline: number | null;
  peakValue: number;
  exampleTraceIds: string[];
  deliveries: { ok: number; failed: number };
};

type FormLike = { get(name: string): FormDataEntryValue | null };

const text = (form: FormLike, name: RuleField) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
/** Empty → null (the field is cleared); anything else a number (NaN for text, reported by the schema). */
const numberOrNull = (raw: string) => (raw === "" ? null : Number(raw));

/** Every field as typed, so a rejected form keeps what the user entered. */
export function readRuleFormValues(form: FormLike): RuleFormValues {
  return Object.fromEntries(RULE_FIELDS.map((field) => [field, field === "enabled" ? (form.get("enabled") ? "on" : "") : text(form, field)])) as RuleFormValues;
}

/** The body of POST / PUT /api/v1/alerts/rules as the form typed it (validated by the caller). */
export function readRuleForm(form: FormLike): Record<string, unknown> {
  const scope = text(form, "scope") || "all";
  const metric = text(form, "metric");
  const optionalText = (field: RuleField) => text(form, field) || null;
  return {
    name: text(form, "name"),
    metric,
    scope,
    // "All traces" has no value: drop whatever the hidden field still holds.
    scopeValue: scope === "all" ? null : optionalText("scopeValue"),
    threshold: numberOrNull(text(form, "threshold")),
    driftPct: numberOrNull(text(form, "driftPct")),
    windowMinutes: numberOrNull(text(form, "windowMinutes")),
    minRuns: numberOrNull(text(form, "minRuns")),
    webhookUrl: optionalText("webhookUrl"),
    enabled: form.get("enabled") !== null,
    // Only score metrics take one: drop what the hidden field still holds after a metric change.
    scoreName: SCORE_RULE_METRICS.includes(metric) ? optionalText("scoreName") : null,
  };
}
