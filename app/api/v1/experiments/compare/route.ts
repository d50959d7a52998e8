// GET /api/v1/experiments/compare?a=<experimentId>&b=<experimentId>: two experiments over one dataset
// item by item (each run's scores, cost, duration and output) with a summary of what improved and what
// regressed in b against a.
import { compareById, parseParams } from "@/lib/api/quality/experiment-requests";
import { jsonError, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { EXPERIMENT_COMPARE_PARAMS } from "@/lib/quality/experiment-schema";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = parseParams(queryParams(request), EXPERIMENT_COMPARE_PARAMS, ["a", "b"]);
  if (!params.ok) return jsonError(params.status, params.message, { parameter: params.parameter });
  const result = await compareById(caller.scope, params.values.a!, params.values.b!);
  if (!result.ok) return jsonError(result.status, result.message, { parameter: result.parameter });
  return Response.json(result.comparison);
});
