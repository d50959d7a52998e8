// GET /api/v1/alerts/incidents?state=open|resolved&ruleId&limit: the project's incidents newest first,
// with their rule, start, end, values, example trace ids and webhook delivery attempts.
import { parseIncidentParams } from "@/lib/api/alert-requests";
import { queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { can } from "@/lib/auth/caller";
import { listIncidents } from "@/lib/data/alerts/incidents";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = parseIncidentParams(queryParams(request));
  if (!params.ok) return params.response;
  return Response.json({ data: await listIncidents(caller.scope, params.query, { revealWebhookUrl: can(caller, "admin") }) });
});
