"use server";
// Creating a project (instance admins) and changing a project's name and loop threshold (project admins).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createNewProject, updateProjectSettings } from "@/lib/admin/projects";
import { authorizeAction, authorizeUserAction } from "@/lib/auth/require-action";
import { projectPath } from "@/lib/format/project-path";
import { firstError, projectInputSchema } from "@/lib/forms/access-forms";
import { submittedValues, type FormState } from "@/lib/forms/form-state";
import { loopThresholdFieldSchema } from "@/lib/forms/retro-forms";

export async function createProjectAction(_previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeUserAction({ instanceAdmin: true });
  if (!auth.ok) return { status: "error", message: auth.message };
  const slug = String(form.get("slug") ?? "").trim();
  const parsed = projectInputSchema.safeParse({ name: form.get("name") ?? "", slug: slug || undefined });
  const values = submittedValues(form, ["name", "slug"]);
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values };
  const created = await createNewProject(auth.user, parsed.data);
  if (!created.ok) return { status: "error", field: created.field, message: created.message, values };
  redirect(projectPath(created.project.slug, "/traces"));
}

export async function renameProjectAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = projectInputSchema.pick({ name: true }).safeParse({ name: form.get("name") ?? "" });
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values: submittedValues(form, ["name"]) };
  await updateProjectSettings(auth.caller, { name: parsed.data.name }, await headers());
  revalidatePath(projectPath(projectSlug), "layout");
  return { status: "ok", message: `Renamed to "${parsed.data.name}".` };
}

export async function updateLoopThresholdAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = loopThresholdFieldSchema.safeParse(form.get("loopThreshold") ?? "");
  if (!parsed.success)
    return {
      status: "error",
      field: "loopThreshold",
      message: `Loop threshold ${parsed.error.issues[0]?.message ?? "is invalid"}`,
      values: submittedValues(form, ["loopThreshold"]),
    };
  await updateProjectSettings(auth.caller, { loopThreshold: parsed.data }, await headers());
  revalidatePath(projectPath(projectSlug), "layout");
  return { status: "ok", message: `Loop threshold set to ${parsed.data}: the traces of the last 30 days are analysed again.` };
}
