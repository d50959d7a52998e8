// PATCH /api/v1/comments/{id}: its author edits a comment. DELETE: its author or a project admin removes it.
import { readBody } from "@/lib/api/bodies";
import { mayDelete, mayEdit, publicComment } from "@/lib/api/collab/comment-access";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { deleteComment, findComment, updateCommentBody } from "@/lib/data/collab/comments";
import { editCommentSchema } from "@/lib/retro/collab/comment-schemas";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PATCH = withApi<Params>("write", async (request, { caller, params }) => {
  const body = await readBody(request, editCommentSchema);
  if (!body.ok) return body.response;
  const comment = await findComment(caller.scope, params.id);
  if (!comment) return jsonError(404, `comment ${params.id} not found`);
  if (!mayEdit(caller, comment)) return jsonError(403, "forbidden: only its author may edit a comment");
  const updated = await updateCommentBody(caller.scope, params.id, body.value.body);
  return updated ? Response.json(publicComment(updated)) : jsonError(404, `comment ${params.id} not found`);
});

export const DELETE = withApi<Params>("write", async (_request, { caller, params }) => {
  const comment = await findComment(caller.scope, params.id);
  if (!comment) return jsonError(404, `comment ${params.id} not found`);
  if (!mayDelete(caller, comment)) return jsonError(403, "forbidden: only its author or a project admin may delete a comment");
  await deleteComment(caller.scope, params.id);
  return new Response(null, { status: 204 });
});
