import "server-only";
// Invitations: a one-time link that lets an invited user choose a password. The link's token is
// stored only as its sha256; accepting it sets the password, joins the project and spends the token.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import { isRole, type Role } from "@/lib/access/permissions";
import type { ProjectScope } from "@/lib/data/scope";

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type Invitation = {
  id: string;
  userId: string;
  email: string;
  projectId: string;
  projectSlug: string;
  projectName: string;
  role: Role;
  expiresAt: string;
  state: "pending" | "expired" | "accepted";
};

/** A new invitation of `userId` to the project; returns the token (shown once, in the invite link). */
export async function createInvitation(
  scope: ProjectScope,
  input: { userId: string; role: Role; invitedById: string | null },
  nowMs = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(nowMs + INVITATION_TTL_MS);
  await getPrisma().invitation.create({
    data: { id: randomUUID(), tokenHash: hashToken(token), userId: input.userId, projectId: scope.projectId, role: input.role, invitedById: input.invitedById, expiresAt },
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The invitation behind a link's token, whatever its state; null for a token that was never issued. */
export async function findInvitation(token: string, nowMs = Date.now()): Promise<Invitation | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const prisma = getPrisma();
  const row = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return null;
  const [user, project] = await Promise.all([
    prisma.user.findUnique({ where: { id: row.userId }, select: { email: true } }),
    prisma.project.findUnique({ where: { id: row.projectId }, select: { slug: true, name: true } }),
  ]);
  if (!user || !project) return null;
  const state = row.acceptedAt ? "accepted" : row.expiresAt.getTime() <= nowMs ? "expired" : "pending";
  return {
    id: row.id,
    userId: row.userId,
    email: user.email,
    projectId: row.projectId,
    projectSlug: project.slug,
    projectName: project.name,
    role: isRole(row.role) ? row.role : "viewer",
    expiresAt: row.expiresAt.toISOString(),
    state,
  };
}

/**
 * Spends a pending invitation: sets the user's name and password (a hash), and makes them a member with
 * the invited role. False when it was accepted or expired meanwhile (nothing changes then).
 */
export async function acceptInvitation(invitationId: string, input: { name: string; passwordHash: string }, nowMs = Date.now()): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const spent = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, expiresAt: { gt: new Date(nowMs) } },
      data: { acceptedAt: new Date(nowMs) },
    });
    if (spent.count === 0) return false;
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    const { userId, projectId, role } = invitation;
    await tx.user.update({ where: { id: userId }, data: { name: input.name, emailVerified: true } });
    const credential = await tx.account.findFirst({ where: { userId, providerId: "credential" } });
    if (credential) await tx.account.update({ where: { id: credential.id }, data: { password: input.passwordHash } });
    else await tx.account.create({ data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: input.passwordHash } });
    await tx.projectMember.upsert({
      where: { projectId_userId: { projectId, userId } },
      create: { projectId, userId, role },
      update: {},
    });
    return true;
  });
}
