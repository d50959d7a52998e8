"use server";
// The Evaluators page: create or change an evaluator, enable or disable it, backfill it over a time range, delete
// it. Authorised like the API (write), checked by the same functions as its routes.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { checkBackfill, checkEvaluatorCreate, checkEvaluatorPatch } from "@/lib/api/quality/evaluator-requests";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { createBackfill } from "@/lib/data/quality/evaluator-backfills";
import { createEvaluator, deleteEvaluator, getEvaluator, updateEvaluator } from "@/lib/data/quality/evaluators";
import { projectPath } from "@/lib/format/project-path";
import { toTraceFilters } from "@/lib/quality/evaluator-filter";
import { EVALUATOR_FORM_FIELDS, evaluatorFormBody, formFieldOf, type EvaluatorActionResult } from "@/lib/forms/evaluator-form";
import { submittedValues, type FormState } from "@/lib/forms/form-state";

export async function createEvaluatorAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const values = submittedValues(form, EVALUATOR_FORM_FIELDS);
  const body = evaluatorFormBody(values as Record<string, string>);
  if (!body.ok) return { status: "error", field: body.field, message: body.message, values };
  const checked = checkEvaluatorCreate(body.value);
  if (!checked.ok) return { status: "error", field: formFieldOf(checked.field), message: checked.message, values };
  const evaluator = await createEvaluator(auth.caller.scope, checked.value);
  await audit(auth.caller, "evaluator.create", evaluator.id, { name: evaluator.name, type: evaluator.type, scoreName: evaluator.scoreName }, await headers());
  revalidatePath(projectPath(projectSlug, "/evaluators"));
  return { status: "ok", message: `Created ${evaluator.name}: it scores runs that arrive from now on.` };
}

export async function updateEvaluatorAction(projectSlug: string, id: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const existing = await getEvaluator(auth.caller.scope, id);
  if (!existing) return { status: "error", message: "This evaluator no longer exists." };
  const values = submittedValues(form, EVALUATOR_FORM_FIELDS);
  const body = evaluatorFormBody(values as Record<string, string>);
  if (!body.ok) return { status: "error", field: body.field, message: body.message, values };
  const checked = checkEvaluatorPatch(body.value, existing);
  if (!checked.ok) return { status: "error", field: formFieldOf(checked.field), message: checked.message, values };
  await updateEvaluator(auth.caller.scope, id, checked.value);
  await audit(auth.caller, "evaluator.update", id, { name: checked.value.name, fields: Object.keys(body.value) }, await headers());
  revalidatePath(projectPath(projectSlug, "/evaluators"));
  redirect(projectPath(projectSlug, "/evaluators"));
}

export async function setEvaluatorEnabledAction(projectSlug: string, id: string, enabled: boolean): Promise<EvaluatorActionResult> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { ok: false, message: auth.message };
  const existing = await getEvaluator(auth.caller.scope, id);
  if (!existing) return { ok: false, message: "This evaluator no longer exists." };
  const {
    id: _id,
    projectId: _p,
    createdMs: _c,
    updatedMs: _u,
    lastError: _e,
    lastErrorMs: _em,
    failureCount: _f,
    costDay: _d,
    costDayUsd: _usd,
    ...config
  } = existing;
  await updateEvaluator(auth.caller.scope, id, { ...config, enabled });
  await audit(auth.caller, "evaluator.update", id, { name: existing.name, fields: ["enabled"] }, await headers());
  revalidatePath(projectPath(projectSlug, "/evaluators"));
  return { ok: true, message: enabled ? "Enabled." : "Disabled." };
}

export async function backfillEvaluatorAction(projectSlug: string, id: string, range: { from: string; to: string }): Promise<EvaluatorActionResult> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { ok: false, message: auth.message };
  const evaluator = await getEvaluator(auth.caller.scope, id);
  if (!evaluator) return { ok: false, message: "This evaluator no longer exists." };
  const checked = checkBackfill(range);
  if (!checked.ok) return { ok: false, message: checked.message };
  const job = await createBackfill(auth.caller.scope, id, toTraceFilters(evaluator.filter), checked.value.fromMs, checked.value.toMs);
  await audit(auth.caller, "evaluator.backfill", id, { jobId: job.jobId, from: job.from, to: job.to, total: job.total }, await headers());
  revalidatePath(projectPath(projectSlug, "/evaluators"));
  return { ok: true, message: `Backfill queued: ${job.total} runs.` };
}

export async function deleteEvaluatorAction(projectSlug: string, id: string): Promise<EvaluatorActionResult> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { ok: false, message: auth.message };
  const existing = await getEvaluator(auth.caller.scope, id);
  if (!existing || !(await deleteEvaluator(auth.caller.scope, id))) return { ok: false, message: "This evaluator no longer exists." };
  await audit(auth.caller, "evaluator.delete", id, { name: existing.name }, await headers());
  revalidatePath(projectPath(projectSlug, "/evaluators"));
  return { ok: true, message: "Deleted." };
}
