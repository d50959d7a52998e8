import "server-only";
// Managing a project's members (project admins): invite by email, change roles, remove. Shared by the
// API (/api/v1/projects/{slug}/members) and the Members page; every change goes to the audit log.
import type { Role } from "@/lib/access/permissions";
import { audit } from "@/lib/auth/audit";
import type { Caller } from "@/lib/auth/caller";
import { createInvitation } from "@/lib/data/access/invitations";
import { addMember, getMember, removeMember, setMemberRole, type Member } from "@/lib/data/access/members";
import { createInvitedUser, findUserByEmail } from "@/lib/data/access/users";

export type InviteResult = { ok: true; member: Member; inviteUrl: string | null; expiresAt: string | null } | { ok: false; status: 409; message: string };

/**
 * Adds `email` to the project with `role`. A new email becomes an invited user with a one-time link to
 * set a password (inviteUrl); so does a known user who never signed in. Others just join.
 */
export async function inviteMember(caller: Caller, input: { email: string; role: Role }, baseUrl: string, headers?: Headers): Promise<InviteResult> {
  const user = (await findUserByEmail(input.email)) ?? (await createInvitedUser(input.email));
  if (!(await addMember(caller.scope, user.id, input.role))) return { ok: false, status: 409, message: `${user.email} is a member already` };
  const member = (await getMember(caller.scope, user.id))!;
  let invitation: { token: string; expiresAt: string } | null = null;
  if (!member.hasSignedIn) invitation = await createInvitation(caller.scope, { userId: user.id, role: input.role, invitedById: caller.user?.id ?? null });
  await audit(caller, "member.add", user.email, { role: input.role, invited: invitation !== null }, headers);
  const inviteUrl = invitation ? `${baseUrl.replace(/\/+$/, "")}/invite/${invitation.token}` : null;
  return { ok: true, member, inviteUrl, expiresAt: invitation?.expiresAt ?? null };
}

export async function changeMemberRole(caller: Caller, userId: string, role: Role, headers?: Headers): Promise<boolean> {
  const member = await getMember(caller.scope, userId);
  if (!member || !(await setMemberRole(caller.scope, userId, role))) return false;
  await audit(caller, "member.role_change", member.email, { from: member.role, to: role }, headers);
  return true;
}

export async function removeProjectMember(caller: Caller, userId: string, headers?: Headers): Promise<boolean> {
  const member = await getMember(caller.scope, userId);
  if (!member || !(await removeMember(caller.scope, userId))) return false;
  await audit(caller, "member.remove", member.email, { role: member.role }, headers);
  return true;
}
