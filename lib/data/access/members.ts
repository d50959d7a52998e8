import "server-only";
// Project membership: who belongs to a project and with which role.
import { getPrisma } from "@/lib/db/prisma";
import { isRole, type Role } from "@/lib/access/permissions";
import type { ProjectScope } from "@/lib/data/scope";

export type Member = { userId: string; email: string; name: string; role: Role; hasSignedIn: boolean };

/** A user's role in a project, or null when they are not a member (how lib/auth decides access). */
export async function findRole(projectId: string, userId: string): Promise<Role | null> {
  const row = await getPrisma().projectMember.findUnique({ where: { projectId_userId: { projectId, userId } } });
  return row && isRole(row.role) ? row.role : null;
}

export async function listMembers(scope: ProjectScope): Promise<Member[]> {
  const rows = await getPrisma().projectMember.findMany({
    where: { projectId: scope.projectId },
    include: { user: { select: { email: true, name: true, _count: { select: { accounts: true } } } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  return rows.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: isRole(m.role) ? m.role : "viewer",
    // An invited user has no way to sign in (no password, no SSO account) until they accept.
    hasSignedIn: m.user._count.accounts > 0,
  }));
}

export async function getMember(scope: ProjectScope, userId: string): Promise<Member | null> {
  return (await listMembers(scope)).find((m) => m.userId === userId) ?? null;
}

/** Adds the user with `role`; false when they were a member already (their role is left as it was). */
export async function addMember(scope: ProjectScope, userId: string, role: Role): Promise<boolean> {
  const prisma = getPrisma();
  const existing = await prisma.projectMember.findUnique({ where: { projectId_userId: { projectId: scope.projectId, userId } } });
  if (existing) return false;
  await prisma.projectMember.create({ data: { projectId: scope.projectId, userId, role } });
  return true;
}

export class LastAdminError extends Error {}

/** Changes a member's role; false when not a member. Refuses to demote the project's last admin. */
export async function setMemberRole(scope: ProjectScope, userId: string, role: Role): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const key = { projectId_userId: { projectId: scope.projectId, userId } };
    const member = await tx.projectMember.findUnique({ where: key });
    if (!member) return false;
    if (member.role === "admin" && role !== "admin" && (await tx.projectMember.count({ where: { projectId: scope.projectId, role: "admin" } })) <= 1) {
      throw new LastAdminError("a project keeps at least one admin");
    }
    await tx.projectMember.update({ where: key, data: { role } });
    return true;
  });
}

/** Removes a member; false when not a member. Refuses to remove the project's last admin. */
export async function removeMember(scope: ProjectScope, userId: string): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const key = { projectId_userId: { projectId: scope.projectId, userId } };
    const member = await tx.projectMember.findUnique({ where: key });
    if (!member) return false;
    if (member.role === "admin" && (await tx.projectMember.count({ where: { projectId: scope.projectId, role: "admin" } })) <= 1) {
      throw new LastAdminError("a project keeps at least one admin");
    }
    await tx.projectMember.delete({ where: key });
    return true;
  });
}
