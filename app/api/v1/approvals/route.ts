// GET /api/v1/approvals: the approval requests, newest first, filtered and cursor-paginated.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listApprovalRequests } from "@/lib/data/governance/approval-list";
import { parseApprovalListParams } from "@/lib/trace/approval-list-params";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseApprovalListParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json(await listApprovalRequests(caller.scope, query));
});
