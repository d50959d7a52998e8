"use client";
// The rules with their state and last value; Edit fills the form, Evaluate now and Delete submit the
// page's shared forms (their button's value is the rule id).
import type { AlertRuleRow } from "@/lib/forms/alert-form";
import { formatMetricValue, formatScope, METRIC_LABELS } from "@/lib/format/alerts";

type Props = {
  rules: AlertRuleRow[];
  onEdit: (rule: AlertRuleRow) => void;
  /** Members and admins change rules; viewers only read them. */
  canEdit: boolean;
  evaluateFormId: string;
  deleteFormId: string;
  isBusy: boolean;
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const head = "px-2 py-1 font-medium text-left";

function describeLimit(rule: AlertRuleRow): string {
  const parts = [];
  if (rule.threshold !== null) parts.push(`> ${formatMetricValue(rule.metric, rule.threshold)}`);
  if (rule.driftPct !== null) parts.push(`> ${rule.driftPct} % over 7-day baseline`);
  return parts.join(" or ");
}

/** Rule table with its actions. */
export function RuleList({ rules, onEdit, evaluateFormId, deleteFormId, isBusy, canEdit }: Props) {
  if (rules.length === 0)
    return <p className="rounded-lg border border-dashed border-line p-4 text-center text-sm text-fg-muted">No rules yet: create one above.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="rule-table">
        <thead className="bg-surface text-xs text-fg-muted">
          <tr>
            <th scope="col" className={head}>
              State
            </th>
            <th scope="col" className={head}>
              Rule
            </th>
            <th scope="col" className={head}>
              Fires when
            </th>
            <th scope="col" className={head}>
              Window
            </th>
            <th scope="col" className={`${head} text-right`}>
              Last value
            </th>
            <th scope="col" className={head}>
              Webhook
            </th>
            {canEdit ? (
              <th scope="col" className={head}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rules.map((rule) => (
            <tr key={rule.id} className="hover:bg-surface" data-testid="rule-row" data-rule={rule.name}>
              <td className={cell}>
                {!rule.enabled ? (
                  <span className="rounded bg-muted px-1.5 py-0.5 text-xs text-fg-muted">disabled</span>
                ) : rule.isFiring ? (
                  <span className="rounded bg-danger/10 px-1.5 py-0.5 text-xs font-medium text-danger" data-testid="rule-state">
                    firing
                  </span>
                ) : (
                  <span className="rounded bg-ok/10 px-1.5 py-0.5 text-xs text-ok" data-testid="rule-state">
                    ok
                  </span>
                )}
              </td>
              <td className={`${cell} max-w-64 truncate`} title={rule.name}>
                <div className="font-medium">{rule.name}</div>
                <div className="text-xs text-fg-muted">
                  {METRIC_LABELS[rule.metric] ?? rule.metric}
                  {rule.scoreName ? ` of ${rule.scoreName}` : ""} · {formatScope(rule.scope, rule.scopeValue)}
                </div>
              </td>
              <td className={`${cell} text-fg-muted`}>{describeLimit(rule)}</td>
              <td className={`${cell} text-fg-muted tabular-nums`}>
                {rule.windowMinutes} min{rule.minRuns > 1 ? ` · ≥ ${rule.minRuns} runs` : ""}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{formatMetricValue(rule.metric, rule.lastValue)}</td>
              <td className={`${cell} max-w-48 truncate text-xs text-fg-muted`} title={rule.webhookUrl ?? undefined}>
                {rule.webhookUrl ?? "—"}
              </td>
              {canEdit ? (
                <td className={`${cell} text-right`}>
                  <button type="button" onClick={() => onEdit(rule)} className="rounded px-2 py-0.5 text-xs text-accent hover:bg-accent-soft">
                    Edit
                  </button>
                  <button
                    type="submit"
                    form={evaluateFormId}
                    name="id"
                    value={rule.id}
                    disabled={isBusy}
                    className="rounded px-2 py-0.5 text-xs text-accent hover:bg-accent-soft disabled:opacity-60"
                  >
                    Evaluate now
                  </button>
                  <button
                    type="submit"
                    form={deleteFormId}
                    name="id"
                    value={rule.id}
                    disabled={isBusy}
                    className="rounded px-2 py-0.5 text-xs text-danger hover:bg-danger-soft disabled:opacity-60"
                  >
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
