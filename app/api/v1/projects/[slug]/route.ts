// PATCH /api/v1/projects/{slug} { name?, retentionDays?, loopThreshold? } (project admins).
import { z } from "zod";
import { readBody } from "@/lib/api/bodies";
import { withApi } from "@/lib/api/with-api";
import { updateProjectSettings } from "@/lib/admin/projects";
import { loopThresholdSchema } from "@/lib/forms/retro-forms";

export const dynamic = "force-dynamic";

const patchSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
    retentionDays: z
      .number({ message: "must be a number of days, or null" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(3650, "must be at most 3650")
      .nullable()
      .optional(),
    loopThreshold: loopThresholdSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.retentionDays !== undefined || v.loopThreshold !== undefined, {
    message: "must change name, retentionDays or loopThreshold",
    path: ["body"],
  });

export const PATCH = withApi<{ slug: string }>(
  "admin",
  async (request, { caller }) => {
    const body = await readBody(request, patchSchema);
    if (!body.ok) return body.response;
    const { id, slug, name, retentionDays, loopThreshold } = await updateProjectSettings(caller, body.value, request.headers);
    return Response.json({ id, slug, name, retentionDays, loopThreshold });
  },
  { projectParam: "slug" },
);
