// GET /api/v1/projects/{slug}/api-keys: the project's live keys (prefix, scopes, last use, expiry);
// POST { name, scopes, expiresAt? } → 201 with the key, shown this once (project admins).
import { readBody } from "@/lib/api/bodies";
import { withApi } from "@/lib/api/with-api";
import { createProjectKey } from "@/lib/admin/api-keys";
import { listApiKeys } from "@/lib/data/access/api-keys";
import { apiKeyInputSchema } from "@/lib/forms/access-forms";

export const dynamic = "force-dynamic";
type Params = { slug: string };

export const GET = withApi<Params>("admin", async (_request, { caller }) => Response.json({ data: await listApiKeys(caller.scope) }), { projectParam: "slug" });

export const POST = withApi<Params>(
  "admin",
  async (request, { caller }) => {
    const body = await readBody(request, apiKeyInputSchema.strict());
    if (!body.ok) return body.response;
    const { key, info } = await createProjectKey(caller, { ...body.value, expiresAt: body.value.expiresAt ?? null }, request.headers);
    return Response.json({ id: info.id, key, prefix: info.prefix, name: info.name, scopes: info.scopes, expiresAt: info.expiresAt }, { status: 201 });
  },
  { projectParam: "slug" },
);
