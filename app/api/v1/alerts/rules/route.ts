// GET /api/v1/alerts/rules: the project's alert rules with their state; POST creates one (members and
// admins; the answer carries the webhook signing secret, this once).
import { readRuleBody } from "@/lib/api/alert-requests";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { can } from "@/lib/auth/caller";
import { createRule, listRules } from "@/lib/data/alerts/alert-store";
import { toRuleView } from "@/lib/data/alerts/rows";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => {
  const revealWebhookUrl = can(caller, "admin");
  return Response.json({ data: (await listRules(caller.scope)).map((rule) => toRuleView(rule, { revealWebhookUrl })) });
});

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readRuleBody(request);
  if (!body.ok) return body.response;
  const rule = await createRule(caller.scope, body.config);
  await audit(caller, "alert_rule.create", rule.id, { name: rule.name, metric: rule.metric }, request.headers);
  return Response.json({ ...toRuleView(rule, { revealWebhookUrl: true }), webhookSecret: rule.webhookSecret }, { status: 201 });
});
