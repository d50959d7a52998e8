// GET /api/v1/traces/{traceId}/export?format=otlp-json|json: one trace as a download. `otlp-json` is an
// OTLP/JSON ExportTraceServiceRequest that any OpenTelemetry backend (or /v1/traces of another project)
// takes back; `json` is the read API's { trace, spans } with the trace's tags and comments.
import { publicComment } from "@/lib/api/collab/comment-access";
import { badParameter, jsonError, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listComments } from "@/lib/data/collab/comments";
import { listTraceTags } from "@/lib/data/collab/tags";
import { getExportableTrace } from "@/lib/data/collab/trace-export";
import { getTraceDetail } from "@/lib/data/traces/trace-detail";
import { traceExportFormat } from "@/lib/retro/collab/export-params";
import { buildOtlpJson } from "@/lib/retro/collab/otlp-json";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

const download = (body: unknown, filename: string) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${filename}"` } });

export const GET = withApi<{ traceId: string }>("read", async (request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  const query = queryParams(request);
  for (const key of query.keys()) if (key !== "format") return badParameter(key, "unknown parameter; allowed: format");
  const format = traceExportFormat.safeParse(query.get("format") ?? "json");
  if (!format.success) return badParameter("format", format.error.issues[0]?.message ?? "is invalid");
  const notFound = () => jsonError(404, `trace ${traceId} not found`);
  if (format.data === "otlp-json") {
    const trace = await getExportableTrace(caller.scope, traceId);
    return trace ? download(buildOtlpJson(trace.spans, trace.resources), `trace-${traceId}.otlp.json`) : notFound();
  }
  const detail = await getTraceDetail(caller.scope, traceId);
  if (!detail) return notFound();
  const [tags, comments] = await Promise.all([listTraceTags(caller.scope, traceId), listComments(caller.scope, traceId)]);
  return download({ ...detail, tags, comments: comments.map(publicComment) }, `trace-${traceId}.json`);
});
