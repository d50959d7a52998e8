// GET /api/v1/review-queues/{id}: the queue with its progress (done, skipped, reviews per label).
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getReviewQueue } from "@/lib/data/quality/review-queues";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  const queue = await getReviewQueue(caller.scope, id);
  return queue ? Response.json(queue) : jsonError(404, `no review queue ${id}`);
});
