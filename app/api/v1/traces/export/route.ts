// GET /api/v1/traces/export?<list filters>&format=jsonl|csv: every trace the filters match, streamed.
// jsonl: one trace detail ({ trace, spans, tags }) per line; csv: one trace summary per row.
import { exportStream } from "@/lib/api/collab/export-stream";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listExportFormat } from "@/lib/retro/collab/export-params";
import { parseTraceFilters } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

const CONTENT_TYPE = { jsonl: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

export const GET = withApi("read", async (request, { caller }) => {
  const params = queryParams(request);
  const format = listExportFormat.safeParse(params.get("format") ?? "jsonl");
  if (!format.success) return badParameter("format", format.error.issues[0]?.message ?? "is invalid");
  params.delete("format");
  for (const key of ["limit", "cursor"]) if (params.has(key)) return badParameter(key, "an export covers every matching trace; remove it");
  const query = parseTraceFilters(params);
  if (!query.ok) return badParameter(query.parameter, query.message);
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "");
  return new Response(exportStream(caller.scope, query, format.data), {
    headers: {
      "content-type": CONTENT_TYPE[format.data],
      "content-disposition": `attachment; filename="traces-${stamp}.${format.data}"`,
      "cache-control": "no-store",
    },
  });
});
