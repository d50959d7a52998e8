// GET /api/v1/traces/{traceId}/comments: the trace's comment thread, oldest first.
// POST: a comment on the trace or, with spanId, on one of its spans (members and admins).
import { readBody } from "@/lib/api/bodies";
import { commentView, authorOf, publicComment } from "@/lib/api/collab/comment-access";
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { createComment, listComments, spanExists, traceExists } from "@/lib/data/collab/comments";
import { newCommentSchema } from "@/lib/retro/collab/comment-schemas";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

type Params = { traceId: string };

export const GET = withApi<Params>("read", async (_request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  if (!(await traceExists(caller.scope, traceId))) return jsonError(404, `trace ${traceId} not found`);
  const comments = await listComments(caller.scope, traceId);
  return Response.json({ data: comments.map((c) => commentView(caller, c)) });
});

export const POST = withApi<Params>("write", async (request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  const body = await readBody(request, newCommentSchema);
  if (!body.ok) return body.response;
  if (!(await traceExists(caller.scope, traceId))) return jsonError(404, `trace ${traceId} not found`);
  const spanId = body.value.spanId ?? null;
  if (spanId && !(await spanExists(caller.scope, traceId, spanId)))
    return jsonError(404, `span ${spanId} not found in trace ${traceId}`, { parameter: "spanId" });
  const comment = await createComment(caller.scope, { traceId, spanId, author: authorOf(caller), body: body.value.body });
  return Response.json(publicComment(comment), { status: 201 });
});
