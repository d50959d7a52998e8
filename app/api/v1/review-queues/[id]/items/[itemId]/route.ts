// POST /api/v1/review-queues/{id}/items/{itemId}: review one run (a label of the queue's set or a value in
// its range, an optional failure-mode tag and comment) or skip it. A review writes a score with source
// "review"; a run reviewed already answers 409 and keeps its review.
import { checkReviewBody } from "@/lib/api/quality/review-requests";
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getReviewQueue } from "@/lib/data/quality/review-queues";
import { submitReview } from "@/lib/data/quality/review-submit";

export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string; itemId: string }>("write", async (request, { caller, params: { id, itemId } }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return jsonError(400, "body: must be a JSON object", { parameter: "body" });
  const queue = await getReviewQueue(caller.scope, id);
  if (!queue) return jsonError(404, `no review queue ${id}`);
  const checked = checkReviewBody(body.value, queue);
  if (!checked.ok) return jsonError(400, checked.message, { parameter: checked.field });
  const result = await submitReview(caller.scope, queue, itemId, checked.value, caller.actor.label);
  if (!result.ok) return jsonError(result.status, result.message, result.parameter ? { parameter: result.parameter } : {});
  return Response.json(result.item);
});
