// GET /api/v1/traces/diff?a=<traceId>&b=<traceId | "baseline">: two runs side by side, aligned step by step.
import { queryParams } from "@/lib/api/respond";
import { diffResponse, parseDiffParams } from "@/lib/api/trace-diff";
import { withApi } from "@/lib/api/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = parseDiffParams(queryParams(request));
  return params.ok ? diffResponse(caller.scope, params.a, params.b) : params.response;
});
