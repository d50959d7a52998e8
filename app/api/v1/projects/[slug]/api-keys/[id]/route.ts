// DELETE /api/v1/projects/{slug}/api-keys/{id} → 204: the key fails on every server within 5 s.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { revokeProjectKey } from "@/lib/admin/api-keys";

export const dynamic = "force-dynamic";

export const DELETE = withApi<{ slug: string; id: string }>(
  "admin",
  async (request, { caller, params: { id } }) =>
    (await revokeProjectKey(caller, id, request.headers)) ? new Response(null, { status: 204 }) : jsonError(404, `no API key ${id} in this project`),
  { projectParam: "slug" },
);
