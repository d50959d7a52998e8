// GET /api/v1/traces/diff?a=<traceId>&b=<traceId | "baseline">: two runs side by side, aligned step by step.
import { queryParams } from "@/lib/api/respond";
import { diffRuns, parseDiffParams } from "@/lib/api/trace-diff";
import { withApi } from "@/lib/api/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = parseDiffParams(queryParams(request));
  if (!params.ok) return params.response;
  const result = await diffRuns(caller.scope, params.a, params.b);
  return result.ok ? Response.json(result.diff) : result.response;
});
