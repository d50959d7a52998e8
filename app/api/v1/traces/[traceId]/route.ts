// GET /api/v1/traces/{traceId}: one trace with all its spans in start order (api.md).
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { getTraceDetail } from "@/lib/data/traces/traces";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ traceId: string }> }): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const { traceId } = await params;
  if (!/^[0-9a-fA-F]{32}$/.test(traceId)) return jsonError(400, "traceId: must be 32 hexadecimal characters", { parameter: "traceId" });
  const detail = await getTraceDetail(traceId);
  return detail ? Response.json(detail) : jsonError(404, `trace ${traceId.toLowerCase()} not found`);
}
