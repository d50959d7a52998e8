// POST /api/v1/experiments/{id}/runs: the trace of each item's run (at most 500 per request); a run
// posted again for the same item replaces it. Every item must be one of the experiment's dataset.
import { readBody } from "@/lib/api/bodies";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listDatasetItems } from "@/lib/data/quality/datasets";
import { getExperiment, recordExperimentRuns } from "@/lib/data/quality/experiments";
import { experimentRunsSchema } from "@/lib/quality/experiment-schema";

export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string }>("write", async (request, { caller, params: { id } }) => {
  const body = await readBody(request, experimentRunsSchema);
  if (!body.ok) return body.response;
  const experiment = await getExperiment(caller.scope, id);
  if (!experiment) return jsonError(404, `no experiment ${id}`);
  const items = new Set((await listDatasetItems(caller.scope, experiment.datasetId)).map((item) => item.id));
  const unknown = body.value.runs.findIndex((run) => !items.has(run.itemId));
  if (unknown >= 0) {
    const field = `runs.${unknown}.itemId`;
    return jsonError(400, `${field}: dataset ${experiment.datasetId} has no item ${body.value.runs[unknown]!.itemId}`, { parameter: field });
  }
  await recordExperimentRuns(caller.scope, id, body.value.runs);
  const updated = (await getExperiment(caller.scope, id))!;
  return Response.json(updated, { status: 201 });
});
