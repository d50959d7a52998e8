// GET /api/share/{token}: the one trace a share link opens, without signing in; `{ trace, spans }` as the
// read API answers, content withheld when the link hides it. 404 for an unknown, revoked or expired token.
import { jsonError } from "@/lib/api/respond";
import { errorResponse } from "@/lib/api/with-api";
import { openSharedTrace } from "@/lib/auth/share-access";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const shared = await openSharedTrace((await context.params).token);
    if (!shared) return jsonError(404, "share link not found or expired");
    return Response.json(
      { ...shared.detail, share: { expiresAt: shared.link.expiresAt, hideContent: shared.link.hideContent } },
      { headers: { "cache-control": "no-store", "x-robots-tag": "noindex" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
