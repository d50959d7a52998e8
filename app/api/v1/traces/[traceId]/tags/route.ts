// GET /api/v1/traces/{traceId}/tags: the trace's tags. PUT { tags }: replaces them (members and admins).
import { readBody } from "@/lib/api/bodies";
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { traceExists } from "@/lib/data/collab/comments";
import { listTraceTags, setTraceTags } from "@/lib/data/collab/tags";
import { normaliseTags, putTagsSchema } from "@/lib/retro/collab/comment-schemas";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

type Params = { traceId: string };

export const GET = withApi<Params>("read", async (_request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  if (!(await traceExists(caller.scope, traceId))) return jsonError(404, `trace ${traceId} not found`);
  return Response.json({ tags: await listTraceTags(caller.scope, traceId) });
});

export const PUT = withApi<Params>("write", async (request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  const body = await readBody(request, putTagsSchema);
  if (!body.ok) return body.response;
  if (!(await traceExists(caller.scope, traceId))) return jsonError(404, `trace ${traceId} not found`);
  return Response.json({ tags: await setTraceTags(caller.scope, traceId, normaliseTags(body.value.tags)) });
});
