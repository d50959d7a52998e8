// GET /api/v1/review-queues/{id}: the queue with its progress (done, skipped, reviews per label) and how
// often its reviews agree with the other sources' scores of the same name.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getReviewAgreement } from "@/lib/data/quality/review-agreement";
import { getReviewQueue } from "@/lib/data/quality/review-queues";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  const queue = await getReviewQueue(caller.scope, id);
  if (!queue) return jsonError(404, `no review queue ${id}`);
  return Response.json({ ...queue, agreement: await getReviewAgreement(caller.scope, queue) });
});
