// PATCH /api/v1/datasets/{id}/items/{itemId}: change an item's input, expected output or metadata;
// DELETE removes it.
import { readBody } from "@/lib/api/bodies";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { deleteDatasetItem, updateDatasetItem } from "@/lib/data/quality/datasets";
import { datasetItemPatchSchema } from "@/lib/quality/dataset-schema";

export const dynamic = "force-dynamic";
type Params = { id: string; itemId: string };

const noItem = (id: string, itemId: string) => jsonError(404, `dataset ${id} has no item ${itemId}`);

export const PATCH = withApi<Params>("write", async (request, { caller, params: { id, itemId } }) => {
  const body = await readBody(request, datasetItemPatchSchema);
  if (!body.ok) return body.response;
  const item = await updateDatasetItem(caller.scope, id, itemId, body.value);
  return item ? Response.json(item) : noItem(id, itemId);
});

export const DELETE = withApi<Params>("write", async (request, { caller, params: { id, itemId } }) => {
  if (!(await deleteDatasetItem(caller.scope, id, itemId))) return noItem(id, itemId);
  await audit(caller, "dataset_item.delete", itemId, { datasetId: id }, request.headers);
  return Response.json({ id: itemId, deleted: true });
});
