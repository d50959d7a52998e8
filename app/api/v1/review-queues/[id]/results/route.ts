// GET /api/v1/review-queues/{id}/results: every run of the queue with its review, the failure modes
// reviewers tagged, and the reviews' agreement with the other sources.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getReviewQueue } from "@/lib/data/quality/review-queues";
import { getReviewResults } from "@/lib/data/quality/review-results";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  const queue = await getReviewQueue(caller.scope, id);
  return queue ? Response.json(await getReviewResults(caller.scope, queue)) : jsonError(404, `no review queue ${id}`);
});
