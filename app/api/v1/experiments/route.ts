// GET /api/v1/experiments?datasetId: the project's experiments (of one dataset), newest first. POST
// registers one over a dataset (the SDK's runExperiment does, before it runs the items).
import { readBody } from "@/lib/api/bodies";
import { parseParams } from "@/lib/api/quality/experiment-requests";
import { jsonError, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getDataset } from "@/lib/data/quality/datasets";
import { createExperiment, listExperiments } from "@/lib/data/quality/experiments";
import { EXPERIMENT_LIST_PARAMS, experimentCreateSchema } from "@/lib/quality/experiment-schema";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = parseParams(queryParams(request), EXPERIMENT_LIST_PARAMS);
  if (!params.ok) return jsonError(params.status, params.message, { parameter: params.parameter });
  return Response.json({ data: await listExperiments(caller.scope, params.values.datasetId) });
});

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readBody(request, experimentCreateSchema);
  if (!body.ok) return body.response;
  if (!(await getDataset(caller.scope, body.value.datasetId))) {
    return jsonError(404, `datasetId: no dataset ${body.value.datasetId}`, { parameter: "datasetId" });
  }
  return Response.json(await createExperiment(caller.scope, body.value), { status: 201 });
});
