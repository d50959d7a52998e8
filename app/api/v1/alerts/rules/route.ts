// GET /api/v1/alerts/rules: every alert rule with its state; POST creates one (README "Analytics API").
import { requireApiKey } from "@/lib/api/respond";
import { readRuleBody } from "@/lib/api/alert-requests";
import { toRuleView } from "@/lib/data/alerts/rows";
import { createRule, listRules } from "@/lib/data/alerts/alert-store";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return (await requireApiKey(request)) ?? Response.json({ data: (await listRules()).map(toRuleView) });
}

export async function POST(request: Request): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const body = await readRuleBody(request);
  if (!body.ok) return body.response;
  return Response.json(toRuleView(await createRule(body.config)), { status: 201 });
}
