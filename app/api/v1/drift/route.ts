// GET /api/v1/drift: cost per run and p95 latency per task or agent against their baselines, with
// change points and "what changed" (README "Analytics API (drift, alerts)").
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseDriftParams } from "@/lib/analytics/drift-params";
import { getDrift } from "@/lib/data/analytics/drift";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseDriftParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json(await getDrift(caller.scope, query));
});
