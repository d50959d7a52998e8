// POST /api/v1/evaluators/{id}/backfill { from, to }: runs the evaluator over the traces that started in
// [from, to) in the background; 202 with the job's id. Its progress shows as `lastBackfill` on
// GET /api/v1/evaluators/{id}.
import { checkBackfill } from "@/lib/api/quality/evaluator-requests";
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { createBackfill } from "@/lib/data/quality/evaluator-backfills";
import { getEvaluator } from "@/lib/data/quality/evaluators";
import { toTraceFilters } from "@/lib/quality/evaluator-filter";

export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string }>("write", async (request, { caller, params: { id } }) => {
  const evaluator = await getEvaluator(caller.scope, id);
  if (!evaluator) return jsonError(404, `no evaluator ${id}`);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const checked = checkBackfill(body.value);
  if (!checked.ok) return jsonError(400, checked.message, { parameter: checked.field });
  const job = await createBackfill(caller.scope, id, toTraceFilters(evaluator.filter), checked.value.fromMs, checked.value.toMs);
  await audit(caller, "evaluator.backfill", id, { jobId: job.jobId, from: job.from, to: job.to, total: job.total }, request.headers);
  return Response.json({ jobId: job.jobId, state: job.state, total: job.total }, { status: 202 });
});
