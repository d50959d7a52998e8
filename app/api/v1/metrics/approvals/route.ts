// GET /api/v1/metrics/approvals: approval requests, decisions and p50/p95 human wait per bucket and group.
import { dataResponse } from "@/lib/api/json-stream";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseApprovalParams } from "@/lib/analytics/approval-series";
import { getApprovalSeries } from "@/lib/data/governance/approval-metrics";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseApprovalParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return dataResponse(await getApprovalSeries(caller.scope, query));
});
