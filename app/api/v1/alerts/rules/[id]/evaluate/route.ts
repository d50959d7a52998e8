// POST /api/v1/alerts/rules/{id}/evaluate: evaluate the rule now, as the scheduler would (opens or
// closes its incident, notifies its webhook in the background), and answer with what was measured.
import { toEvaluationView } from "@/lib/api/alert-requests";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { can } from "@/lib/auth/caller";
import { getRule } from "@/lib/data/alerts/alert-store";
import { toIncidentView, toRuleView } from "@/lib/data/alerts/rows";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { publicBaseUrl, runRule } from "@/lib/jobs/alerts/run-rule";

export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string }>("write", async (request, { caller, params: { id } }) => {
  const rule = await getRule(caller.scope, id);
  if (!rule) return jsonError(404, `no alert rule ${id}`);
  const run = await runRule(caller.scope, caller.project, rule, { baseUrl: publicBaseUrl(getRequestOrigin(request.headers, getEnv().PORT)) });
  const after = (await getRule(caller.scope, id)) ?? rule;
  const revealWebhookUrl = can(caller, "admin");
  return Response.json({
    rule: toRuleView(after, { revealWebhookUrl }),
    evaluation: toEvaluationView(run.evaluation),
    transition: run.transition,
    incident: run.incident ? toIncidentView(run.incident, rule, [], { revealWebhookUrl }) : null,
    notifying: run.notifying,
  });
});
