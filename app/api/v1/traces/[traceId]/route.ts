// GET /api/v1/traces/{traceId}: one trace of the caller's project with all its spans in start order, and its findings.
// DELETE: removes it with everything attached and takes it out of the rollups (project admins).
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { deleteTraceOfProject } from "@/lib/admin/data-deletion";
import { jsonPiecesResponse } from "@/lib/api/json-stream";
import { getTraceDetailJson } from "@/lib/data/traces/trace-detail";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

export const GET = withApi<{ traceId: string }>("read", async (_request, { caller, params: { traceId } }) => {
  const id = traceIdSchema.safeParse(traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  // Streamed: a long trace's answer is built span by span as it is sent, never held whole.
  const pieces = await getTraceDetailJson(caller.scope, traceId);
  return pieces ? jsonPiecesResponse(pieces) : jsonError(404, `trace ${traceId.toLowerCase()} not found`);
});

export const DELETE = withApi<{ traceId: string }>("admin", async (request, { caller, params: { traceId } }) => {
  const id = traceIdSchema.safeParse(traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const deleted = await deleteTraceOfProject(caller, traceId.toLowerCase(), request.headers);
  return deleted ? new Response(null, { status: 204 }) : jsonError(404, `trace ${traceId.toLowerCase()} not found`);
});
