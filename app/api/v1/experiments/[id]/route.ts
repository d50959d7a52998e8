// GET /api/v1/experiments/{id}: the experiment with the trace of each item's run.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getExperiment, listExperimentRuns } from "@/lib/data/quality/experiments";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  const experiment = await getExperiment(caller.scope, id);
  if (!experiment) return jsonError(404, `no experiment ${id}`);
  return Response.json({ ...experiment, runs: await listExperimentRuns(caller.scope, id) });
});
