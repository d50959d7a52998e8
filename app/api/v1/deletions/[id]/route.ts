// GET /api/v1/deletions/{id}: how far a user deletion has got (project admins).
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { findDeletionRequest } from "@/lib/data/lifecycle/deletion-requests";
import { deletionIdSchema } from "@/lib/forms/deletion-forms";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("admin", async (_request, { caller, params: { id } }) => {
  if (!deletionIdSchema.safeParse(id).success) return badParameter("id", "must be a deletion id as returned by POST /api/v1/deletions");
  const found = await findDeletionRequest(caller.scope, id);
  if (!found) return jsonError(404, `deletion ${id} not found`);
  return Response.json({ id: found.id, status: found.status, traces: found.traces, createdAt: found.createdAt, finishedAt: found.finishedAt });
});
