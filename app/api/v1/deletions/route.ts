// POST /api/v1/deletions { userId }: deletes every trace of one end user in the background (project admins).
import { readBody } from "@/lib/api/bodies";
import { withApi } from "@/lib/api/with-api";
import { requestUserDeletion } from "@/lib/admin/data-deletion";
import { deletionRequestSchema } from "@/lib/forms/deletion-forms";

export const dynamic = "force-dynamic";

export const POST = withApi("admin", async (request, { caller }) => {
  const body = await readBody(request, deletionRequestSchema);
  if (!body.ok) return body.response;
  const { id } = await requestUserDeletion(caller, body.value.userId, request.headers);
  return Response.json({ id }, { status: 202 });
});
