// GET /api/v1/drift: cost per run and p95 latency per task or agent against their baselines, with
// change points and "what changed" (README "Analytics API (drift, alerts)").
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { parseDriftParams } from "@/lib/analytics/drift-params";
import { getDrift } from "@/lib/data/analytics/drift";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const query = parseDriftParams(new URL(request.url).searchParams);
  if (!query.ok) return jsonError(400, `${query.parameter}: ${query.message}`, { parameter: query.parameter });
  return Response.json(await getDrift(query));
}
