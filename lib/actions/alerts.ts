"use server";
// Mutations of alert rules from the alerts page: the same validation as POST/PUT /api/v1/alerts/rules
// (lib/alerts/rule-schema.ts), and "evaluate now" as the scheduler would run it. Each action is bound to
// the page's project and authorised (member or admin, same-origin session) before it reads anything.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { firstIssue, resolveRuleConfig, ruleCreateSchema, rulePatchSchema } from "@/lib/alerts/rule-schema";
import { checkRuleWebhook } from "@/lib/api/alert-requests";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { createRule, deleteRule, getRule, updateRule } from "@/lib/data/alerts/alert-store";
import { getEnv } from "@/lib/env";
import { formatMetricValue } from "@/lib/format/alerts";
import { projectPath } from "@/lib/format/project-path";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { readRuleForm, readRuleFormValues, type AlertActionState } from "@/lib/forms/alert-form";
import { publicBaseUrl, runRule } from "@/lib/jobs/alerts/run-rule";

const idOf = (form: FormData) => {
  const id = form.get("id");
  return typeof id === "string" && id ? id : null;
};

/** Creates a rule, or replaces the configuration of the rule named by the form's `id`. */
export async function saveRule(projectSlug: string, _previous: AlertActionState, form: FormData): Promise<AlertActionState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const { caller } = auth;
  const id = idOf(form);
  const existing = id ? await getRule(caller.scope, id) : null;
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
  const refused = await checkRuleWebhook(checked.config.webhookUrl);
  if (refused) return invalid("webhookUrl", refused);
  const rule = existing ? await updateRule(caller.scope, existing.id, checked.config) : await createRule(caller.scope, checked.config);
  await audit(caller, existing ? "alert_rule.update" : "alert_rule.create", rule?.id ?? null, { name: checked.config.name }, await headers());
  revalidatePath(projectPath(projectSlug, "/alerts"));
  const name = rule?.name ?? checked.config.name;
  if (!existing && rule?.webhookSecret && rule.webhookUrl) {
    return { status: "ok", message: `Created rule "${name}".`, webhookSecret: rule.webhookSecret };
  }
  return { status: "ok", message: `${existing ? "Saved" : "Created"} rule "${name}".` };
}

/** Deletes a rule with its incidents. */
export async function removeRule(projectSlug: string, _previous: AlertActionState, form: FormData): Promise<AlertActionState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const id = idOf(form);
  if (!id || !(await deleteRule(auth.caller.scope, id))) return { status: "error", message: "This rule no longer exists." };
  await audit(auth.caller, "alert_rule.delete", id, {}, await headers());
  revalidatePath(projectPath(projectSlug, "/alerts"));
  return { status: "ok", message: "Rule deleted with its incidents." };
}

/** Evaluates a rule now: opens or resolves its incident and notifies its webhook, as the scheduler would. */
export async function evaluateRuleNow(projectSlug: string, _previous: AlertActionState, form: FormData): Promise<AlertActionState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const { caller } = auth;
  const id = idOf(form);
  const rule = id ? await getRule(caller.scope, id) : null;
  if (!rule) return { status: "error", message: "This rule no longer exists." };
  const run = await runRule(caller.scope, caller.project, rule, { baseUrl: publicBaseUrl(getRequestOrigin(await headers(), getEnv().PORT)) });
  revalidatePath(projectPath(projectSlug, "/alerts"));
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
