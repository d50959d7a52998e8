// POST /api/v1/alerts/rules/{id}/evaluate: evaluate the rule now, as the scheduler would (opens or
// closes its incident, notifies its webhook in the background), and answer with what was measured.
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { toEvaluationView } from "@/lib/api/alert-requests";
import { toIncidentView, toRuleView } from "@/lib/data/alerts/rows";
import { publicBaseUrl, runRule } from "@/lib/jobs/alerts/run-rule";
import { getRule } from "@/lib/data/alerts/alert-store";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const { id } = await context.params;
  const rule = await getRule(id);
  if (!rule) return jsonError(404, `no alert rule ${id}`);
  const run = await runRule(rule, { baseUrl: publicBaseUrl(getRequestOrigin(request.headers, getEnv().PORT)) });
  const after = (await getRule(id)) ?? rule;
  return Response.json({
    rule: toRuleView(after),
    evaluation: toEvaluationView(run.evaluation),
    transition: run.transition,
    incident: run.incident ? toIncidentView(run.incident, rule, []) : null,
    notifying: run.notifying,
  });
}
