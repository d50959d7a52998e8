// PATCH /api/v1/projects/{slug}/members/{userId} { role } → 200; DELETE → 204 (project admins). A
// project keeps at least one admin (409 otherwise).
import { readBody } from "@/lib/api/bodies";
import { jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { changeMemberRole, removeProjectMember } from "@/lib/admin/members";
import { getMember, LastAdminError } from "@/lib/data/access/members";
import { roleSchema } from "@/lib/forms/access-forms";

export const dynamic = "force-dynamic";
type Params = { slug: string; userId: string };

const LAST_ADMIN = "a project keeps at least one admin: make someone else admin first";

export const PATCH = withApi<Params>(
  "admin",
  async (request, { caller, params: { userId } }) => {
    const body = await readBody(request, roleSchema.strict());
    if (!body.ok) return body.response;
    try {
      if (!(await changeMemberRole(caller, userId, body.value.role, request.headers))) return jsonError(404, `no member ${userId} in this project`);
    } catch (error) {
      if (error instanceof LastAdminError) return jsonError(409, LAST_ADMIN);
      throw error;
    }
    const { email, name, role } = (await getMember(caller.scope, userId))!;
    return Response.json({ userId, email, name, role });
  },
  { projectParam: "slug" },
);

export const DELETE = withApi<Params>(
  "admin",
  async (request, { caller, params: { userId } }) => {
    try {
      if (!(await removeProjectMember(caller, userId, request.headers))) return jsonError(404, `no member ${userId} in this project`);
    } catch (error) {
      if (error instanceof LastAdminError) return jsonError(409, LAST_ADMIN);
      throw error;
    }
    return new Response(null, { status: 204 });
  },
  { projectParam: "slug" },
);
