// GET /api/v1/datasets: the project's datasets, newest first; POST creates one (name unique in the project).
import { readBody } from "@/lib/api/bodies";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { createDataset, DatasetNameTakenError, listDatasets } from "@/lib/data/quality/datasets";
import { datasetCreateSchema } from "@/lib/quality/dataset-schema";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => Response.json({ data: await listDatasets(caller.scope) }));

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readBody(request, datasetCreateSchema);
  if (!body.ok) return body.response;
  try {
    const dataset = await createDataset(caller.scope, body.value);
    await audit(caller, "dataset.create", dataset.id, { name: dataset.name }, request.headers);
    return Response.json(dataset, { status: 201 });
  } catch (error) {
    if (error instanceof DatasetNameTakenError) return jsonError(409, error.message, { parameter: "name" });
    throw error;
  }
});
