"use client";
// Create or edit an alert rule. The threshold's unit follows the metric; spend metrics have a fixed window.
import { useState } from "react";
import { SCORE_RULE_METRICS, type RuleFormValues } from "@/lib/forms/alert-form";
import { METRIC_LABELS, METRIC_UNITS, SCOPE_LABELS } from "@/lib/format/alerts";

type Props = {
  action: (form: FormData) => void;
  isPending: boolean;
  /** The rule being edited (its id is sent), or null to create one. */
  ruleId: string | null;
  values: Partial<RuleFormValues>;
  /** The field a rejected submit named, outlined in red. */
  errorField?: string;
  onSubmit: () => void;
  onCancel: () => void;
};

const FIXED_WINDOWS: Record<string, number> = { cost_per_hour: 60, cost_per_day: 1440, wasted_cost_per_hour: 60 };
const input = "w-full rounded border bg-bg px-2 py-1 text-sm placeholder:text-fg-muted/70";

/** The rule form; `values` seed it (a rule being edited, or what a rejected submit held). */
export function RuleForm({ action, isPending, ruleId, values, errorField, onSubmit, onCancel }: Props) {
  const [metric, setMetric] = useState(values.metric || "cost_per_run");
  const [scope, setScope] = useState(values.scope || "all");
  const fixedWindow = FIXED_WINDOWS[metric];
  const border = (field: string) => (errorField === field ? "border-danger" : "border-line");
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid="rule-form" noValidate>
      <div className="text-sm font-medium">{ruleId ? `Edit rule ${values.name ?? ""}` : "New alert rule"}</div>
      {ruleId ? <input type="hidden" name="id" value={ruleId} /> : null}
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <Field label="Name" htmlFor="rule-name">
          <input id="rule-name" name="name" defaultValue={values.name} placeholder="Checkout cost per run" className={`${input} ${border("name")}`} required />
        </Field>
        <Field label="Metric" htmlFor="rule-metric">
          <select id="rule-metric" name="metric" value={metric} onChange={(e) => setMetric(e.target.value)} className={`${input} ${border("metric")}`}>
            {Object.entries(METRIC_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Scope" htmlFor="rule-scope">
          <select id="rule-scope" name="scope" value={scope} onChange={(e) => setScope(e.target.value)} className={`${input} ${border("scope")}`}>
            {Object.entries(SCOPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        {SCORE_RULE_METRICS.includes(metric) ? (
          <Field label="Score name" htmlFor="rule-scoreName">
            <input
              id="rule-scoreName"
              name="scoreName"
              defaultValue={values.scoreName}
              placeholder="accuracy"
              className={`${input} ${border("scoreName")}`}
              required
            />
          </Field>
        ) : null}
        <Field label={scope === "all" ? "Scope value (not used)" : `${SCOPE_LABELS[scope]} name`} htmlFor="rule-scopeValue">
          <input
            id="rule-scopeValue"
            name="scopeValue"
            defaultValue={values.scopeValue}
            disabled={scope === "all"}
            placeholder={scope === "user" ? "user id" : scope === "agent" ? "agent name" : "trace name"}
            className={`${input} ${border("scopeValue")} disabled:opacity-50`}
          />
        </Field>
        <Field label={`Threshold (${METRIC_UNITS[metric]})`} htmlFor="rule-threshold">
          <input
            id="rule-threshold"
            name="threshold"
            type="number"
            step="any"
            min="0"
            defaultValue={values.threshold}
            placeholder="optional"
            className={`${input} ${border("threshold")}`}
          />
        </Field>
        <Field label="Or % over 7-day baseline" htmlFor="rule-driftPct">
          <input
            id="rule-driftPct"
            name="driftPct"
            type="number"
            step="any"
            min="0"
            defaultValue={values.driftPct}
            placeholder="optional, e.g. 50"
            className={`${input} ${border("driftPct")}`}
          />
        </Field>
        <Field label={fixedWindow ? "Window (fixed), minutes" : "Window, minutes"} htmlFor="rule-windowMinutes">
          <input
            key={fixedWindow ?? "free"}
            id="rule-windowMinutes"
            name="windowMinutes"
            type="number"
            min="5"
            step="1"
            defaultValue={fixedWindow ?? values.windowMinutes ?? "60"}
            readOnly={fixedWindow !== undefined}
            className={`${input} ${border("windowMinutes")} read-only:text-fg-muted`}
          />
        </Field>
        <Field label="Minimum runs" htmlFor="rule-minRuns">
          <input
            id="rule-minRuns"
            name="minRuns"
            type="number"
            min="1"
            step="1"
            defaultValue={values.minRuns ?? "1"}
            className={`${input} ${border("minRuns")}`}
          />
        </Field>
        <Field label="Webhook URL (JSON POST on fire and recovery)" wide htmlFor="rule-webhookUrl">
          <input
            id="rule-webhookUrl"
            name="webhookUrl"
            type="url"
            defaultValue={values.webhookUrl}
            placeholder="https://hooks.example.com/hindsight"
            className={`${input} ${border("webhookUrl")}`}
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-1 text-sm">
          <input name="enabled" type="checkbox" defaultChecked={values.enabled !== ""} /> Enabled
        </label>
      </div>
      <div className="flex justify-end gap-2">
        {ruleId ? (
          <button type="button" onClick={onCancel} className="rounded border border-line px-3 py-1 text-sm text-fg-muted hover:text-fg">
            Cancel
          </button>
        ) : null}
        <button type="submit" disabled={isPending} className="rounded bg-accent px-3 py-1 text-sm font-medium text-white disabled:opacity-60">
          {isPending ? "Saving…" : ruleId ? "Save rule" : "Create rule"}
        </button>
      </div>
    </form>
  );
}

function Field({ label, htmlFor, wide = false, children }: { label: string; htmlFor: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 text-xs text-fg-muted ${wide ? "col-span-2" : ""}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}
