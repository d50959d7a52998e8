// POST /api/v1/traces/tags { traceIds, add?, remove? }: tags a selection of traces at once (members and
// admins), all or nothing. Answers each trace's tags afterwards.
import { readBody } from "@/lib/api/bodies";
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { changeTagsOfTraces } from "@/lib/data/collab/bulk-tags";
import { existingTraceIds } from "@/lib/data/collab/retros";
import { bulkTagsSchema, normaliseBulkTags } from "@/lib/retro/collab/bulk-tag-schemas";
import { MAX_TAGS_PER_TRACE } from "@/lib/retro/collab/limits";

export const dynamic = "force-dynamic";

export const POST = withApi("write", async (request, { caller }) => {
  const body = await readBody(request, bulkTagsSchema);
  if (!body.ok) return body.response;
  const change = normaliseBulkTags(body.value);
  const held = new Set(await existingTraceIds(caller.scope, change.traceIds));
  const missing = change.traceIds.find((id) => !held.has(id));
  if (missing) return jsonError(404, `trace ${missing} not found`, { parameter: "traceIds" });
  const result = await changeTagsOfTraces(caller.scope, change);
  if (!result.ok) return badParameter("add", `trace ${result.overLimit[0]} would carry more than ${MAX_TAGS_PER_TRACE} tags`);
  return Response.json({ data: change.traceIds.map((traceId) => ({ traceId, tags: result.tags.get(traceId) ?? [] })) });
});
