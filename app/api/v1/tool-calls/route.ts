// GET /api/v1/tool-calls: the tool-call audit, newest first, filtered and cursor-paginated.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listToolCalls } from "@/lib/data/governance/tool-calls";
import { parseToolCallParams } from "@/lib/trace/tool-call-params";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseToolCallParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json(await listToolCalls(caller.scope, query));
});
