import "server-only";
// Users as Hindsight manages them outside Better Auth's own flows: the first admin, invited users, and
// passwords set by invitation (hashed by lib/auth with Better Auth's hasher; never stored in clear).
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";

export type User = { id: string; email: string; name: string; isAdmin: boolean };

const USER_SELECT = { id: true, email: true, name: true, isAdmin: true } as const;

/** Emails are compared in lower case: Better Auth stores them so. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const countUsers = (): Promise<number> => getPrisma().user.count();

export async function findUserByEmail(email: string): Promise<User | null> {
  return getPrisma().user.findUnique({ where: { email: normaliseEmail(email) }, select: USER_SELECT });
}

export async function findUserById(id: string): Promise<User | null> {
  return getPrisma().user.findUnique({ where: { id }, select: USER_SELECT });
}

/** A user who has been invited but cannot sign in yet (no password, no SSO account). */
export async function createInvitedUser(email: string): Promise<User> {
  const address = normaliseEmail(email);
  return getPrisma().user.create({
    data: { id: randomUUID(), email: address, name: address.split("@")[0] ?? address, emailVerified: false },
    select: USER_SELECT,
  });
}

/**
 * The first instance admin, with a password hash, as member-admin of `defaultProjectId`. Returns null
 * when any user exists already (a second caller of /setup loses the race and changes nothing).
 */
export async function createFirstAdmin(input: { email: string; name: string; passwordHash: string; defaultProjectId: string }): Promise<User | null> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return null;
    const id = randomUUID();
    const user = await tx.user.create({
      data: { id, email: normaliseEmail(input.email), name: input.name, emailVerified: true, isAdmin: true },
      select: USER_SELECT,
    });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: input.passwordHash } });
    await tx.projectMember.create({ data: { projectId: input.defaultProjectId, userId: id, role: "admin" } });
    return user;
  });
}

/** Every user, for instance admins. */
export async function listUsers(): Promise<User[]> {
  return getPrisma().user.findMany({ select: USER_SELECT, orderBy: [{ createdAt: "asc" }] });
}
