// GET /api/v1/review-queues: the project's review queues with their progress, newest first. POST draws a
// queue: `sampleSize` runs from a trace-list filter, seeded (the same seed over the same traces draws the
// same runs), each run once.
import { checkQueueBody } from "@/lib/api/quality/review-requests";
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { createReviewQueue, listReviewQueues } from "@/lib/data/quality/review-queues";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => Response.json({ data: await listReviewQueues(caller.scope) }));

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return jsonError(400, "body: must be a JSON object", { parameter: "body" });
  const checked = checkQueueBody(body.value, caller.actor.label);
  if (!checked.ok) return jsonError(400, checked.message, { parameter: checked.field });
  const queue = await createReviewQueue(caller.scope, checked.value);
  await audit(caller, "review_queue.create", queue.id, { name: queue.name, total: queue.total, seed: queue.seed }, request.headers);
  return Response.json(queue, { status: 201 });
});
