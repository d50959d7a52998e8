"use server";
// The review pages: draw a queue from a trace-list filter, and review or skip one run. Authorised like
// the API (write), checked by the same functions as its routes.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { checkQueueBody, checkReviewBody } from "@/lib/api/quality/review-requests";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { createReviewQueue, getReviewQueue } from "@/lib/data/quality/review-queues";
import { submitReview } from "@/lib/data/quality/review-submit";
import { projectPath } from "@/lib/format/project-path";
import { submittedValues, type FormState } from "@/lib/forms/form-state";
import { queueFormBody, type ReviewActionResult } from "@/lib/forms/review-form";

export async function createReviewQueueAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const values = submittedValues(form, ["name", "filter", "sampleSize", "scoreName", "labels", "seed"]);
  const body = queueFormBody(values as Record<string, string>);
  if (!body.ok) return { status: "error", field: body.field, message: body.message, values };
  const checked = checkQueueBody(body.value, auth.caller.actor.label);
  if (!checked.ok) return { status: "error", field: checked.field.split(".")[0], message: checked.message, values };
  const queue = await createReviewQueue(auth.caller.scope, checked.value);
  await audit(auth.caller, "review_queue.create", queue.id, { name: queue.name, total: queue.total, seed: queue.seed }, await headers());
  redirect(projectPath(projectSlug, `/review/${queue.id}`));
}

/** One review (`{ label }`, `{ value }`, optional `failureMode`/`comment`) or `{ skip: true }` of one run. */
export async function submitReviewAction(projectSlug: string, queueId: string, itemId: string, body: unknown): Promise<ReviewActionResult> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { ok: false, message: auth.message };
  const queue = await getReviewQueue(auth.caller.scope, queueId);
  if (!queue) return { ok: false, message: "This review queue no longer exists." };
  const checked = checkReviewBody(body, queue);
  if (!checked.ok) return { ok: false, message: checked.message };
  const result = await submitReview(auth.caller.scope, queue, itemId, checked.value, auth.caller.actor.label);
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}
