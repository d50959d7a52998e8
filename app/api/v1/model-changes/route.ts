// GET /api/v1/model-changes: when the response model (or system fingerprint) behind a task and requested model changed.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseModelChangeParams } from "@/lib/analytics/model-change-params";
import { listModelChanges } from "@/lib/data/governance/model-changes";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseModelChangeParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return Response.json({ data: await listModelChanges(caller.scope, query) });
});
