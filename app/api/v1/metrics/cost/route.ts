// GET /api/v1/metrics/cost: traces, cost and tokens per time bucket and group (api.md "Analytics API").
import { dataResponse } from "@/lib/api/json-stream";
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { parseCostParams } from "@/lib/analytics/metrics-params";
import { getCostSeries } from "@/lib/data/analytics/metrics-cost";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const query = parseCostParams(new URL(request.url).searchParams);
  if (!query.ok) return jsonError(400, `${query.parameter}: ${query.message}`, { parameter: query.parameter });
  return dataResponse(await getCostSeries(query));
}
