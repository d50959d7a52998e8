// GET /api/v1/scores: the project's scores, newest first, filtered and cursor-paginated. POST records one
// score on a trace or span (members and admins; keys with the write scope).
import { badParameter, jsonError, queryParams, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listScores, recordScores, ScoreInputError } from "@/lib/data/quality/scores";
import { parseScoreListParams, scoreBodyIssue, scoreCreateSchema } from "@/lib/quality/score-input";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseScoreListParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json(await listScores(caller.scope, query));
});

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))
    return jsonError(400, "body: must be a JSON object", { parameter: "body" });
  const parsed = scoreCreateSchema.safeParse(body.value);
  if (!parsed.success) {
    const { field, message } = scoreBodyIssue(parsed.error);
    return jsonError(400, message, { parameter: field });
  }
  try {
    const [score] = await recordScores(caller.scope, [{ ...parsed.data, source: "api", author: caller.actor.label }]);
    return Response.json(score, { status: 201 });
  } catch (error) {
    if (error instanceof ScoreInputError) return jsonError(400, error.message, { parameter: error.field });
    throw error;
  }
});
