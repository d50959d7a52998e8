// GET /api/v1/retros: the project's retros, newest first. POST: a retro from selected traces and/or an
// alert incident (whose example traces it brings along).
import { readBody } from "@/lib/api/bodies";
import { retroDetail } from "@/lib/api/collab/retro-detail";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { createRetro, existingTraceIds, findIncidentForRetro, listRetros } from "@/lib/data/collab/retros";
import { newRetroSchema } from "@/lib/retro/collab/retro-schemas";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => Response.json({ data: await listRetros(caller.scope) }));

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readBody(request, newRetroSchema);
  if (!body.ok) return body.response;
  const { title, severity, summary = "", traceIds, alertIncidentId } = body.value;
  const incident = alertIncidentId ? await findIncidentForRetro(caller.scope, alertIncidentId) : null;
  if (alertIncidentId && !incident) return jsonError(404, `alert incident ${alertIncidentId} not found`, { parameter: "alertIncidentId" });
  const held = await existingTraceIds(caller.scope, traceIds);
  const missing = traceIds.filter((id) => !held.includes(id));
  if (missing.length > 0) return jsonError(404, `trace ${missing[0]} not found`, { parameter: "traceIds" });
  const examples = await existingTraceIds(caller.scope, incident?.exampleTraceIds ?? []);
  const retro = await createRetro(caller.scope, {
    title,
    severity,
    summary,
    traceIds: [...traceIds, ...examples],
    alertIncidentId: alertIncidentId ?? null,
    createdBy: caller.actor.label,
  });
  return Response.json(await retroDetail(caller.scope, retro), { status: 201 });
});
