// GET /api/v1/evaluators/{id}: one evaluator with its latest backfill's progress. PATCH changes any
// subset of its fields (validated as on creation); DELETE removes it with its run records (its scores stay).
import { checkEvaluatorPatch } from "@/lib/api/quality/evaluator-requests";
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { deleteEvaluator, getEvaluator, getEvaluatorView, toEvaluatorView, updateEvaluator } from "@/lib/data/quality/evaluators";
import { latestBackfills } from "@/lib/data/quality/evaluator-backfills";

export const dynamic = "force-dynamic";

const notFound = (id: string) => jsonError(404, `no evaluator ${id}`);

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  const view = await getEvaluatorView(caller.scope, id);
  return view ? Response.json(view) : notFound(id);
});

export const PATCH = withApi<{ id: string }>("write", async (request, { caller, params: { id } }) => {
  const existing = await getEvaluator(caller.scope, id);
  if (!existing) return notFound(id);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return jsonError(400, "body: must be a JSON object", { parameter: "body" });
  const checked = checkEvaluatorPatch(body.value, existing);
  if (!checked.ok) return jsonError(400, checked.message, { parameter: checked.field });
  const updated = await updateEvaluator(caller.scope, id, checked.value);
  if (!updated) return notFound(id);
  await audit(caller, "evaluator.update", id, { name: updated.name, fields: Object.keys(body.value) }, request.headers);
  return Response.json(toEvaluatorView(updated, (await latestBackfills(caller.scope)).get(id) ?? null));
});

export const DELETE = withApi<{ id: string }>("write", async (request, { caller, params: { id } }) => {
  const existing = await getEvaluator(caller.scope, id);
  if (!existing || !(await deleteEvaluator(caller.scope, id))) return notFound(id);
  await audit(caller, "evaluator.delete", id, { name: existing.name }, request.headers);
  return new Response(null, { status: 204 });
});
