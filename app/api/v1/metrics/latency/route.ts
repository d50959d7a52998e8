// GET /api/v1/metrics/latency: p50/p95/p99/max latency per time bucket and group (api.md "Analytics API").
import { dataResponse } from "@/lib/api/json-stream";
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { parseLatencyParams } from "@/lib/analytics/metrics-params";
import { getLatencySeries } from "@/lib/data/analytics/metrics-latency";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const query = parseLatencyParams(new URL(request.url).searchParams);
  if (!query.ok) return jsonError(400, `${query.parameter}: ${query.message}`, { parameter: query.parameter });
  return dataResponse(await getLatencySeries(query));
}
