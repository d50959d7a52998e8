"use server";
// Mutations of alert rules from the alerts page: the same validation as POST/PUT /api/v1/alerts/rules
// (lib/alerts/rule-schema.ts), and "evaluate now" as the scheduler would run it. Like every page of
// the dashboard, these actions are as open as the UI itself.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { formatMetricValue } from "@/lib/format/alerts";
import { firstIssue, resolveRuleConfig, ruleCreateSchema, rulePatchSchema } from "@/lib/alerts/rule-schema";
import { publicBaseUrl, runRule } from "@/lib/jobs/alerts/run-rule";
import { createRule, deleteRule, getRule, updateRule } from "@/lib/data/alerts/alert-store";
import { readRuleForm, readRuleFormValues, type AlertActionState } from "@/lib/forms/alert-form";

const idOf = (form: FormData) => {
  const id = form.get("id");
  return typeof id === "string" && id ? id : null;
};

/** Creates a rule, or replaces the configuration of the rule named by the form's `id`. */
export async function saveRule(_previous: AlertActionState, form: FormData): Promise<AlertActionState> {
  const id = idOf(form);
  const existing = id ? await getRule(id) : null;
  if (id && !existing) return { status: "error", message: "This rule no longer exists." };
  const invalid = (field: string, message: string): AlertActionState => ({
    status: "error",
    field,
    message: `${field}: ${message}`,
    values: readRuleFormValues(form),
  });
  const parsed = (existing ? rulePatchSchema : ruleCreateSchema).safeParse(readRuleForm(form));
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    return invalid(issue.field, issue.message);
  }
  const checked = resolveRuleConfig(parsed.data, existing ?? undefined);
  if (!checked.ok) return invalid(checked.field, checked.message);
  const rule = existing ? await updateRule(existing.id, checked.config) : await createRule(checked.config);
  revalidatePath("/alerts");
  return { status: "ok", message: `${existing ? "Saved" : "Created"} rule "${rule?.name ?? checked.config.name}".` };
}

/** Deletes a rule with its incidents. */
export async function removeRule(_previous: AlertActionState, form: FormData): Promise<AlertActionState> {
  const id = idOf(form);
  if (!id || !(await deleteRule(id))) return { status: "error", message: "This rule no longer exists." };
  revalidatePath("/alerts");
  return { status: "ok", message: "Rule deleted with its incidents." };
}

/** Evaluates a rule now: opens or resolves its incident and notifies its webhook, as the scheduler would. */
export async function evaluateRuleNow(_previous: AlertActionState, form: FormData): Promise<AlertActionState> {
  const id = idOf(form);
  const rule = id ? await getRule(id) : null;
  if (!rule) return { status: "error", message: "This rule no longer exists." };
  const run = await runRule(rule, { baseUrl: publicBaseUrl(getRequestOrigin(await headers(), getEnv().PORT)) });
  revalidatePath("/alerts");
  const { value, limit, runs } = run.evaluation;
  const measured =
    value === null
      ? `no data (${runs} ${runs === 1 ? "run" : "runs"})`
      : `${formatMetricValue(rule.metric, value)} against ${formatMetricValue(rule.metric, limit)}`;
  const outcome = { fire: "incident opened", resolve: "incident resolved", continue: "still firing", none: run.evaluation.breached ? "firing" : "ok" }[
    run.transition
  ];
  return { status: "ok", message: `"${rule.name}": ${measured}: ${outcome}.` };
}
