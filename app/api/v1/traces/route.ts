// GET /api/v1/traces: trace summaries, newest first, filtered and cursor-paginated (api.md).
import { parseTraceFilters } from "@/lib/trace/trace-params";
import { jsonError, requireApiKey } from "@/lib/api/respond";
import { listTraces } from "@/lib/data/traces/traces";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const query = parseTraceFilters(new URL(request.url).searchParams);
  if (!query.ok) return jsonError(400, `${query.parameter}: ${query.message}`, { parameter: query.parameter });
  return Response.json(await listTraces(query));
}
