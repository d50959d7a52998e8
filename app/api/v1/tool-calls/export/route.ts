// GET /api/v1/tool-calls/export: every tool call matching the audit's filters as CSV, streamed page by page.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { toolCallCsvResponse } from "@/lib/api/tool-call-csv";
import { parseToolCallParams } from "@/lib/trace/tool-call-params";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseToolCallParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return toolCallCsvResponse(caller.scope, query);
});
