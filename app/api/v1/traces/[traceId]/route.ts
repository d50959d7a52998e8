// GET /api/v1/traces/{traceId}: one trace of the caller's project with all its spans in start order, and its findings.
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getTraceDetail } from "@/lib/data/traces/trace-detail";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

export const GET = withApi<{ traceId: string }>("read", async (_request, { caller, params: { traceId } }) => {
  const id = traceIdSchema.safeParse(traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const detail = await getTraceDetail(caller.scope, traceId);
  return detail ? Response.json(detail) : jsonError(404, `trace ${traceId.toLowerCase()} not found`);
});
