// GET /api/v1/metrics/latency: p50/p95/p99/max latency per time bucket and group.
import { dataResponse } from "@/lib/api/json-stream";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseLatencyParams } from "@/lib/analytics/metrics-params";
import { getLatencySeries } from "@/lib/data/analytics/metrics-latency";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseLatencyParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return dataResponse(await getLatencySeries(caller.scope, query));
});
