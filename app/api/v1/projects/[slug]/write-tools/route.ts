// GET/PUT /api/v1/projects/{slug}/write-tools { tools: string[] }: the tools whose calls the audit counts as
// writes unless a span declares its own effect (PUT: project admins; audited). Applies to past calls too.
import { readBody } from "@/lib/api/bodies";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { getWriteTools, setWriteTools } from "@/lib/data/governance/write-tools";
import { writeToolsSchema } from "@/lib/trace/write-tools-schema";

export const dynamic = "force-dynamic";
type Params = { slug: string };

export const GET = withApi<Params>("read", async (_request, { caller }) => Response.json({ tools: await getWriteTools(caller.scope) }), {
  projectParam: "slug",
});

export const PUT = withApi<Params>(
  "admin",
  async (request, { caller }) => {
    const body = await readBody(request, writeToolsSchema);
    if (!body.ok) return body.response;
    const change = await setWriteTools(caller.scope, body.value.tools);
    await audit(caller, "write_tools.update", caller.project.slug, change, request.headers);
    return Response.json({ tools: change.after });
  },
  { projectParam: "slug" },
);
