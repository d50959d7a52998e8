// GET /api/v1/retros/{id}: the retro with its traces, comments and timeline. PATCH: title, severity,
// summary, status, and traces added or removed.
import { readBody } from "@/lib/api/bodies";
import { retroDetail } from "@/lib/api/collab/retro-detail";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { existingTraceIds, findRetro, updateRetro } from "@/lib/data/collab/retros";
import { retroPatchSchema } from "@/lib/retro/collab/retro-schemas";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = withApi<Params>("read", async (_request, { caller, params }) => {
  const retro = await findRetro(caller.scope, params.id);
  return retro ? Response.json(await retroDetail(caller.scope, retro)) : jsonError(404, `retro ${params.id} not found`);
});

export const PATCH = withApi<Params>("write", async (request, { caller, params }) => {
  const body = await readBody(request, retroPatchSchema);
  if (!body.ok) return body.response;
  const added = body.value.addTraceIds ?? [];
  const held = await existingTraceIds(caller.scope, added);
  const missing = added.filter((id) => !held.includes(id));
  if (missing.length > 0) return jsonError(404, `trace ${missing[0]} not found`, { parameter: "addTraceIds" });
  const retro = await updateRetro(caller.scope, params.id, body.value);
  return retro ? Response.json(await retroDetail(caller.scope, retro)) : jsonError(404, `retro ${params.id} not found`);
});
