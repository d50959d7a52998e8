// GET /api/v1/traces: trace summaries of the caller's project, newest first, filtered and cursor-paginated.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listTraces } from "@/lib/data/traces/traces";
import { parseTraceFilters } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseTraceFilters(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json(await listTraces(caller.scope, query));
});
