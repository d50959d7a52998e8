// GET /api/v1/datasets/{id}: one dataset with its item count.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { getDataset } from "@/lib/data/quality/datasets";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (_request, { caller, params: { id } }) => {
  const dataset = await getDataset(caller.scope, id);
  return dataset ? Response.json(dataset) : jsonError(404, `no dataset ${id}`);
});
