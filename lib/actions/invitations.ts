"use server";
// /invite/{token}: the invited user chooses a name and password; the link is spent, they join the
// project with the invited role and are signed in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hashPassword } from "better-auth/crypto";
import { getAuth } from "@/lib/auth/better-auth";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { acceptInvitation, findInvitation } from "@/lib/data/access/invitations";
import { projectPath } from "@/lib/format/project-path";
import { acceptInvitationSchema, firstError } from "@/lib/forms/access-forms";
import { submittedValues, type FormState } from "@/lib/forms/form-state";

export type AcceptState = FormState;

export async function acceptInvite(token: string, _previous: AcceptState, form: FormData): Promise<AcceptState> {
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return { status: "error", message: "The invitation must be accepted from Hindsight's own page." };
  const invitation = await findInvitation(token);
  if (!invitation) return { status: "error", message: "This invitation link is not valid." };
  if (invitation.state === "expired")
    return { status: "error", message: `This invitation expired at ${invitation.expiresAt}. Ask a project admin for a new one.` };
  if (invitation.state === "accepted") return { status: "error", message: "This invitation was used already: sign in instead." };
  const parsed = acceptInvitationSchema.safeParse({ name: form.get("name") ?? "", password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" });
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values: submittedValues(form, ["name"]) };
  if (!(await acceptInvitation(invitation.id, { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) }))) {
    return { status: "error", message: "This invitation was used or expired meanwhile." };
  }
  await (await getAuth()).api.signInEmail({ body: { email: invitation.email, password: parsed.data.password }, headers: requestHeaders });
  await recordInstanceEvent({
    actor: { type: "user", id: invitation.userId, label: invitation.email },
    action: "auth.invitation_accepted",
    target: invitation.projectSlug,
    details: { role: invitation.role },
  });
  // A redirect, not a state: signing in re-renders this page, which no longer shows the form.
  redirect(projectPath(invitation.projectSlug, "/traces"));
}
