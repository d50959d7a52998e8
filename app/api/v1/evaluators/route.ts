// GET /api/v1/evaluators: the project's online evaluators (with their last failure, today's judge spend
// and latest backfill). POST creates one; a bad field answers 400 naming it and nothing is stored.
import { checkEvaluatorCreate } from "@/lib/api/quality/evaluator-requests";
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { createEvaluator, listEvaluatorViews, toEvaluatorView } from "@/lib/data/quality/evaluators";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => Response.json({ data: await listEvaluatorViews(caller.scope) }));

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return jsonError(400, "body: must be a JSON object", { parameter: "body" });
  const checked = checkEvaluatorCreate(body.value);
  if (!checked.ok) return jsonError(400, checked.message, { parameter: checked.field });
  const evaluator = await createEvaluator(caller.scope, checked.value);
  await audit(caller, "evaluator.create", evaluator.id, { name: evaluator.name, type: evaluator.type, scoreName: evaluator.scoreName }, request.headers);
  return Response.json(toEvaluatorView(evaluator, null), { status: 201 });
});
