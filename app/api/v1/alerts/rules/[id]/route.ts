// GET/PUT/DELETE /api/v1/alerts/rules/{id}. PUT takes any subset of the fields (null clears one);
// DELETE removes the rule with its incidents.
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { readRuleBody } from "@/lib/api/alert-requests";
import { toRuleView } from "@/lib/data/alerts/rows";
import { deleteRule, getRule, updateRule } from "@/lib/data/alerts/alert-store";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ id: string }> };

const notFound = (id: string) => jsonError(404, `no alert rule ${id}`);

export async function GET(request: Request, context: Context): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const { id } = await context.params;
  const rule = await getRule(id);
  return rule ? Response.json(toRuleView(rule)) : notFound(id);
}

export async function PUT(request: Request, context: Context): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const { id } = await context.params;
  const existing = await getRule(id);
  if (!existing) return notFound(id);
  const body = await readRuleBody(request, existing);
  if (!body.ok) return body.response;
  const rule = await updateRule(id, body.config);
  return rule ? Response.json(toRuleView(rule)) : notFound(id);
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const { id } = await context.params;
  return (await deleteRule(id)) ? Response.json({ id, deleted: true }) : notFound(id);
}
