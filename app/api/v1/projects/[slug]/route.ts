// PATCH /api/v1/projects/{slug} { name?, retentionDays?, loopThreshold? } (project admins).
import { readBody } from "@/lib/api/bodies";
import { withApi } from "@/lib/api/with-api";
import { updateProjectSettings } from "@/lib/admin/projects";
import { projectSettingsSchema } from "@/lib/forms/access-forms";

export const dynamic = "force-dynamic";

export const PATCH = withApi<{ slug: string }>(
  "admin",
  async (request, { caller }) => {
    const body = await readBody(request, projectSettingsSchema);
    if (!body.ok) return body.response;
    const { id, slug, name, retentionDays, loopThreshold } = await updateProjectSettings(caller, body.value, request.headers);
    return Response.json({ id, slug, name, retentionDays, loopThreshold });
  },
  { projectParam: "slug" },
);
