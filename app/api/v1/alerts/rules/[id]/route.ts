// GET/PUT/DELETE /api/v1/alerts/rules/{id}. PUT takes any subset of the fields (null clears one);
// DELETE removes the rule with its incidents.
import { readRuleBody } from "@/lib/api/alert-requests";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { can } from "@/lib/auth/caller";
import { deleteRule, getRule, updateRule } from "@/lib/data/alerts/alert-store";
import { toRuleView } from "@/lib/data/alerts/rows";

export const dynamic = "force-dynamic";
type Params = { id: string };

const notFound = (id: string) => jsonError(404, `no alert rule ${id}`);

export const GET = withApi<Params>("read", async (_request, { caller, params: { id } }) => {
  const rule = await getRule(caller.scope, id);
  return rule ? Response.json(toRuleView(rule, { revealWebhookUrl: can(caller, "admin") })) : notFound(id);
});

export const PUT = withApi<Params>("write", async (request, { caller, params: { id } }) => {
  const existing = await getRule(caller.scope, id);
  if (!existing) return notFound(id);
  const body = await readRuleBody(request, existing);
  if (!body.ok) return body.response;
  const rule = await updateRule(caller.scope, id, body.config);
  if (!rule) return notFound(id);
  await audit(caller, "alert_rule.update", id, { name: rule.name }, request.headers);
  return Response.json(toRuleView(rule, { revealWebhookUrl: can(caller, "admin") }));
});

export const DELETE = withApi<Params>("write", async (request, { caller, params: { id } }) => {
  if (!(await deleteRule(caller.scope, id))) return notFound(id);
  await audit(caller, "alert_rule.delete", id, {}, request.headers);
  return Response.json({ id, deleted: true });
});
