// POST /api/v1/datasets/{id}/import: items from JSONL (one JSON object per line, at most 4 MiB), all or
// none: any bad line refuses the file with a 400 listing the bad lines.
import { readImportBody } from "@/lib/api/quality/dataset-requests";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { addDatasetItems, getDataset } from "@/lib/data/quality/datasets";
import { parseDatasetJsonl } from "@/lib/quality/dataset-schema";

export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string }>("write", async (request, { caller, params: { id } }) => {
  if (!(await getDataset(caller.scope, id))) return jsonError(404, `no dataset ${id}`);
  const body = await readImportBody(request);
  if (!body.ok) return body.response;
  const parsed = parseDatasetJsonl(body.text);
  if (!parsed.ok) return jsonError(400, parsed.message, { parameter: "body", lines: parsed.errors, errorCount: parsed.errorCount });
  const items = await addDatasetItems(caller.scope, id, parsed.items);
  if (!items) return jsonError(404, `no dataset ${id}`);
  await audit(caller, "dataset.import", id, { items: items.length }, request.headers);
  return Response.json({ datasetId: id, imported: items.length }, { status: 201 });
});
