// GET /api/v1/metrics/tags: how many traces carry each of the most used tags, per bucket of start time.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseTagMetricsParams } from "@/lib/analytics/tag-metrics-params";
import { getTagCountSeries } from "@/lib/data/collab/tag-metrics";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseTagMetricsParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json({ data: await getTagCountSeries(caller.scope, query) });
});
