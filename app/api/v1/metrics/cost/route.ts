// GET /api/v1/metrics/cost: traces, cost and tokens per time bucket and group (the `top` groups, the rest as "(other)").
import { dataResponse } from "@/lib/api/json-stream";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseCostParams } from "@/lib/analytics/metrics-params";
import { getCostSeries } from "@/lib/data/analytics/metrics-cost";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseCostParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return dataResponse(await getCostSeries(caller.scope, query));
});
