"use client";
// The rules section of the alerts page: the create / edit form, the rule table, and one status line
// for the last action ("Created rule …", "… incident opened").
import { useActionState, useState } from "react";
import type { AlertActionState, AlertRuleRow, RuleFormValues } from "@/lib/forms/alert-form";
import { evaluateRuleNow, removeRule, saveRule } from "@/lib/actions/alerts";
import { RuleForm } from "./rule-form";
import { RuleList } from "./rule-list";
import { SecretNotice } from "./secret-notice";

const IDLE: AlertActionState = { status: "idle" };
const EVALUATE_FORM_ID = "evaluate-rule-form";
const DELETE_FORM_ID = "delete-rule-form";

const toValues = (rule: AlertRuleRow): Partial<RuleFormValues> => ({
  name: rule.name,
  metric: rule.metric,
  scope: rule.scope,
  scopeValue: rule.scopeValue ?? "",
  threshold: rule.threshold === null ? "" : String(rule.threshold),
  driftPct: rule.driftPct === null ? "" : String(rule.driftPct),
  windowMinutes: String(rule.windowMinutes),
  minRuns: String(rule.minRuns),
  webhookUrl: rule.webhookUrl ?? "",
  enabled: rule.enabled ? "on" : "",
  scoreName: rule.scoreName ?? "",
});

/** Rules with create, edit, evaluate now and delete. */
export function RulesPanel({ rules, projectSlug, canEdit }: { rules: AlertRuleRow[]; projectSlug: string; canEdit: boolean }) {
  const [saveState, save, isSaving] = useActionState(saveRule.bind(null, projectSlug), IDLE);
  const [evaluateState, evaluate, isEvaluating] = useActionState(evaluateRuleNow.bind(null, projectSlug), IDLE);
  const [deleteState, remove, isDeleting] = useActionState(removeRule.bind(null, projectSlug), IDLE);
  const [last, setLast] = useState<"save" | "evaluate" | "delete">("save");
  const [editing, setEditing] = useState<AlertRuleRow | null>(null);
  const [handled, setHandled] = useState(saveState);
  if (handled !== saveState) {
    setHandled(saveState);
    if (saveState.status === "ok") setEditing(null);
  }
  const status = { save: saveState, evaluate: evaluateState, delete: deleteState }[last];
  const rejected = saveState.status === "error" ? saveState : null;
  const values = rejected?.values ?? (editing ? toValues(editing) : {});
  const formKey = `${editing?.id ?? "new"}:${rejected ? JSON.stringify(rejected.values) : saveState.status}`;

  return (
    <div className="flex flex-col gap-3">
      {canEdit ? null : <p className="text-sm text-fg-muted">Your role can read rules; members and admins change them.</p>}
      {canEdit ? (
        <RuleForm
          key={formKey}
          action={save}
          isPending={isSaving}
          ruleId={editing?.id ?? null}
          values={values}
          errorField={rejected?.field}
          onSubmit={() => setLast("save")}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <p role="status" aria-live="polite" data-testid="rule-status" className={`min-h-5 text-sm ${status.status === "error" ? "text-danger" : "text-ok"}`}>
        {status.status === "idle" ? "" : status.message}
      </p>
      {saveState.status === "ok" && saveState.webhookSecret ? <SecretNotice secret={saveState.webhookSecret} /> : null}
      <form id={EVALUATE_FORM_ID} action={evaluate} onSubmit={() => setLast("evaluate")} hidden />
      <form
        id={DELETE_FORM_ID}
        action={remove}
        onSubmit={(event) => {
          if (!window.confirm("Delete this rule and its incidents?")) return event.preventDefault();
          setLast("delete");
        }}
        hidden
      />
      <RuleList
        rules={rules}
        onEdit={setEditing}
        evaluateFormId={EVALUATE_FORM_ID}
        deleteFormId={DELETE_FORM_ID}
        isBusy={isEvaluating || isDeleting}
        canEdit={canEdit}
      />
    </div>
  );
}
