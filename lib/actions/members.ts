"use server";
// The Members page (project admins): invite by email, change a role, remove a member.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { changeMemberRole, inviteMember, removeProjectMember } from "@/lib/admin/members";
import { authorizeAction } from "@/lib/auth/require-action";
import { LastAdminError } from "@/lib/data/access/members";
import { getEnv } from "@/lib/env";
import { projectPath } from "@/lib/format/project-path";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { firstError, memberInputSchema, roleSchema } from "@/lib/forms/access-forms";
import { submittedValues, type FormState } from "@/lib/forms/form-state";
import { publicBaseUrl } from "@/lib/jobs/alerts/run-rule";

export type InviteState = FormState<{ inviteUrl: string | null }>;

const membersPath = (slug: string) => projectPath(slug, "/settings/members");

export async function inviteMemberAction(projectSlug: string, _previous: InviteState, form: FormData): Promise<InviteState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = memberInputSchema.safeParse({ email: form.get("email") ?? "", role: form.get("role") ?? "" });
  const values = submittedValues(form, ["email", "role"]);
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values };
  const requestHeaders = await headers();
  const result = await inviteMember(auth.caller, parsed.data, publicBaseUrl(getRequestOrigin(requestHeaders, getEnv().PORT)), requestHeaders);
  if (!result.ok) return { status: "error", field: "email", message: result.message, values };
  revalidatePath(membersPath(projectSlug));
  const who = result.member.email;
  return result.inviteUrl
    ? { status: "ok", message: `Invited ${who} as ${parsed.data.role}. Send them this link (valid 7 days, shown once):`, inviteUrl: result.inviteUrl }
    : { status: "ok", message: `Added ${who} as ${parsed.data.role}.`, inviteUrl: null };
}

export async function changeRoleAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = roleSchema.safeParse({ role: form.get("role") ?? "" });
  if (!parsed.success) return { status: "error", ...firstError(parsed.error) };
  try {
    if (!(await changeMemberRole(auth.caller, String(form.get("userId") ?? ""), parsed.data.role, await headers())))
      return { status: "error", message: "Not a member of this project." };
  } catch (error) {
    if (error instanceof LastAdminError) return { status: "error", message: "A project keeps at least one admin: make someone else admin first." };
    throw error;
  }
  revalidatePath(membersPath(projectSlug));
  return { status: "ok", message: `Role changed to ${parsed.data.role}.` };
}

export async function removeMemberAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  try {
    if (!(await removeProjectMember(auth.caller, String(form.get("userId") ?? ""), await headers())))
      return { status: "error", message: "Not a member of this project." };
  } catch (error) {
    if (error instanceof LastAdminError) return { status: "error", message: "A project keeps at least one admin: make someone else admin first." };
    throw error;
  }
  revalidatePath(membersPath(projectSlug));
  return { status: "ok", message: "Member removed." };
}
