// DELETE /api/v1/share/{token}: revokes a share link (by its token, or by the id the trace page lists);
// the link answers 404 from then on.
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { revokeShareLink } from "@/lib/data/collab/share-links";

export const dynamic = "force-dynamic";

export const DELETE = withApi<{ token: string }>("write", async (request, { caller, params }) => {
  const revoked = await revokeShareLink(caller.scope, decodeURIComponent(params.token));
  if (!revoked) return jsonError(404, "share link not found (unknown, already revoked, or another project's)");
  await audit(caller, "share.revoke", revoked.traceId, { linkId: revoked.id }, request.headers);
  return new Response(null, { status: 204 });
});
