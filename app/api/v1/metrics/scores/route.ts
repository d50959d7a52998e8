// GET /api/v1/metrics/scores: count, mean and pass rate of scores per time bucket and group.
import { dataResponse } from "@/lib/api/json-stream";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getScoreSeries } from "@/lib/data/quality/score-metrics";
import { parseScoreMetricsParams } from "@/lib/quality/score-metrics-params";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseScoreMetricsParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return dataResponse(await getScoreSeries(caller.scope, query));
});
