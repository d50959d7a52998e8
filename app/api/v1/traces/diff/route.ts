// GET /api/v1/traces/diff?a=<traceId>&b=<traceId | "baseline">: two runs side by side, aligned step by step.
import { badParameter, queryParams } from "@/lib/api/respond";
import { diffResponse } from "@/lib/api/trace-diff";
import { withApi } from "@/lib/api/with-api";
import { parseDiffParams } from "@/lib/trace/diff-params";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = parseDiffParams(queryParams(request));
  return params.ok ? diffResponse(caller.scope, params.a, params.b) : badParameter(params.parameter, params.message);
});
