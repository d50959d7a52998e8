// GET /api/v1/review-queues/{id}/next: the first run still waiting for a review; 204 when none is left.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getReviewQueue, nextReviewItem } from "@/lib/data/quality/review-queues";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  if (!(await getReviewQueue(caller.scope, id))) return jsonError(404, `no review queue ${id}`);
  const item = await nextReviewItem(caller.scope, id);
  return item ? Response.json({ itemId: item.id, traceId: item.traceId, position: item.position }) : new Response(null, { status: 204 });
});
