// GET /api/v1/projects/{slug}/members; POST { email, role } → 201 (project admins): a new email becomes an
// invited user, and the answer carries a one-time `inviteUrl` to send them.
import { readBody } from "@/lib/api/bodies";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { inviteMember } from "@/lib/admin/members";
import { listMembers } from "@/lib/data/access/members";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { memberInputSchema } from "@/lib/forms/access-forms";
import { publicBaseUrl } from "@/lib/jobs/alerts/run-rule";

export const dynamic = "force-dynamic";
type Params = { slug: string };

export const GET = withApi<Params>(
  "read",
  async (_request, { caller }) =>
    Response.json({ data: (await listMembers(caller.scope)).map(({ userId, email, name, role }) => ({ userId, email, name, role })) }),
  { projectParam: "slug" },
);

export const POST = withApi<Params>(
  "admin",
  async (request, { caller }) => {
    const body = await readBody(request, memberInputSchema.strict());
    if (!body.ok) return body.response;
    const result = await inviteMember(caller, body.value, publicBaseUrl(getRequestOrigin(request.headers, getEnv().PORT)), request.headers);
    if (!result.ok) return jsonError(result.status, result.message, { parameter: "email" });
    const { userId, email, name, role } = result.member;
    return Response.json({ userId, email, name, role, inviteUrl: result.inviteUrl, inviteExpiresAt: result.expiresAt }, { status: 201 });
  },
  { projectParam: "slug" },
);
