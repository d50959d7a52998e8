// GET /api/v1/traces/{traceId}/critical-path: the chain of spans that determined when the trace ended.
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { loadRetroTrace } from "@/lib/data/findings/retro-trace";
import { criticalPath } from "@/lib/retro";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

export const GET = withApi<{ traceId: string }>("read", async (_request, { caller, params: { traceId } }) => {
  const id = traceIdSchema.safeParse(traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const loaded = await loadRetroTrace(caller.scope, traceId, "timing");
  return loaded ? Response.json(criticalPath(loaded.spans)) : jsonError(404, `trace ${traceId.toLowerCase()} not found`);
});
