// GET /api/v1/retros/{id}/export.md: the retro as Markdown to paste into a post-mortem document.
import { retroDetailWithFindings } from "@/lib/api/collab/retro-detail";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { findRetro } from "@/lib/data/collab/retros";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { publicBaseUrl } from "@/lib/jobs/alerts/run-rule";
import { projectPath } from "@/lib/format/project-path";
import { retroMarkdown } from "@/lib/retro/collab/retro-markdown";

export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>("read", async (request, { caller, params }) => {
  const retro = await findRetro(caller.scope, params.id);
  if (!retro) return jsonError(404, `retro ${params.id} not found`);
  const base = publicBaseUrl(getRequestOrigin(request.headers, getEnv().PORT)).replace(/\/$/, "");
  const { detail, findingsByTrace } = await retroDetailWithFindings(caller.scope, retro);
  const markdown = retroMarkdown(detail, (traceId) => `${base}${projectPath(caller.project.slug, `/traces/${traceId}`)}`, findingsByTrace);
  const filename = `retro-${retro.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).toLowerCase() || retro.id}.md`;
  return new Response(markdown, { headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
});
