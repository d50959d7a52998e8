// GET /api/v1/alerts/incidents?state=open|resolved&ruleId&limit: incidents newest first, with their
// rule, start, end, values, example trace ids and webhook delivery attempts.
import { requireApiKey } from "@/lib/api/respond";
import { listIncidents } from "@/lib/data/alerts/incidents";
import { parseIncidentParams } from "@/lib/api/alert-requests";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const params = parseIncidentParams(new URL(request.url).searchParams);
  if (!params.ok) return params.response;
  return Response.json({ data: await listIncidents(params.query) });
}
