// GET /api/v1/metrics/findings: traces with findings, occurrences and wasted time and cost per time bucket and group.
import { dataResponse } from "@/lib/api/json-stream";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseFindingsParams } from "@/lib/analytics/metrics-params";
import { getFindingsSeries } from "@/lib/data/findings/metrics-findings";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseFindingsParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return dataResponse(await getFindingsSeries(caller.scope, query));
});
