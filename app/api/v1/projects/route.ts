// GET /api/v1/projects: the caller's projects with their role (a key: its own project);
// POST /api/v1/projects { name, slug? } → 201: instance admins create projects.
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withIdentity } from "@/lib/api/with-api";
import { can } from "@/lib/auth/caller";
import { createNewProject } from "@/lib/admin/projects";
import { listProjectsOfUser } from "@/lib/data/access/projects";
import { firstError, projectInputSchema } from "@/lib/forms/access-forms";

export const dynamic = "force-dynamic";

export const GET = withIdentity(async (_request, identity) => {
  if (identity.kind === "key") {
    if (!can(identity.caller, "read")) return jsonError(403, "forbidden: this API key lacks the read scope");
    const { id, slug, name } = identity.caller.project;
    return Response.json({ data: [{ id, slug, name, role: null }] });
  }
  const projects = await listProjectsOfUser(identity.user.id, identity.user.isAdmin);
  return Response.json({ data: projects.map(({ id, slug, name, role }) => ({ id, slug, name, role })) });
});

export const POST = withIdentity(async (request, identity) => {
  if (identity.kind === "key" || !identity.user.isAdmin) return jsonError(403, "forbidden: only instance administrators create projects");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = projectInputSchema.strict().safeParse(body.value);
  if (!parsed.success) {
    const { field, message } = firstError(parsed.error);
    return jsonError(400, message, { parameter: field });
  }
  const created = await createNewProject(identity.user, parsed.data);
  if (!created.ok) return jsonError(created.message.includes("taken") ? 409 : 400, created.message, { parameter: created.field });
  const { id, slug, name } = created.project;
  return Response.json({ id, slug, name }, { status: 201 });
});
