// GET /api/v1/datasets/{id}/items?format=json|jsonl: every item in order, as `{ data }` or as JSONL to
// download. POST adds one item, by hand or from a run (its input, and its output as the expected output).
import { readBody } from "@/lib/api/bodies";
import { exportItems, resolvedError, resolveNewItem } from "@/lib/api/quality/dataset-requests";
import { badParameter, jsonError, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { addDatasetItems, getDataset, listDatasetItems } from "@/lib/data/quality/datasets";
import { DATASET_ITEMS_PARAMS, datasetItemCreateSchema } from "@/lib/quality/dataset-schema";

export const dynamic = "force-dynamic";
type Params = { id: string };

const noDataset = (id: string) => jsonError(404, `no dataset ${id}`);

export const GET = withApi<Params>("read", async (request, { caller, params: { id } }) => {
  let format: "json" | "jsonl" = "json";
  for (const [key, raw] of queryParams(request)) {
    if (key !== "format") return badParameter(key, "unknown parameter; allowed: format");
    const parsed = DATASET_ITEMS_PARAMS.format.safeParse(raw);
    if (!parsed.success) return badParameter("format", parsed.error.issues[0]?.message ?? "is invalid");
    format = parsed.data;
  }
  const dataset = await getDataset(caller.scope, id);
  if (!dataset) return noDataset(id);
  return exportItems(await listDatasetItems(caller.scope, id), format, dataset.name);
});

export const POST = withApi<Params>("write", async (request, { caller, params: { id } }) => {
  const body = await readBody(request, datasetItemCreateSchema);
  if (!body.ok) return body.response;
  if (!(await getDataset(caller.scope, id))) return noDataset(id);
  const item = await resolveNewItem(caller.scope, body.value);
  if (!item.ok) return resolvedError(item);
  const [added] = (await addDatasetItems(caller.scope, id, [item.value])) ?? [];
  return added ? Response.json(added, { status: 201 }) : noDataset(id);
});
