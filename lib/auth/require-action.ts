import "server-only";
// Authorisation for server actions: a signed-in user, a same-origin request, a project they belong to
// and a role that allows the change. Actions call authorizeAction first and answer its refusal as
// their error state; nothing is read or written before it passes.
import { headers } from "next/headers";
import type { Permission } from "@/lib/access/permissions";
import { callerForUser, can, type Caller } from "./caller";
import { isSameOrigin } from "./same-origin";
import { getSessionUser } from "./session";

export type ActionAuthorization = { ok: true; caller: Caller } | { ok: false; message: string };

export async function authorizeAction(projectSlug: string, permission: Permission): Promise<ActionAuthorization> {
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return { ok: false, message: "This change must be made from Hindsight's own pages." };
  const user = await getSessionUser(requestHeaders);
  if (!user) return { ok: false, message: "Your session has ended: sign in again." };
  const caller = await callerForUser(user, projectSlug);
  if (!caller) return { ok: false, message: "This project does not exist or you are not a member of it." };
  if (!can(caller, permission)) return { ok: false, message: `Your role (${caller.role}) does not allow this change.` };
  return { ok: true, caller };
}

/** For actions outside a project (account, instance administration). */
export async function authorizeUserAction(options: { instanceAdmin?: boolean } = {}) {
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return { ok: false as const, message: "This change must be made from Hindsight's own pages." };
  const user = await getSessionUser(requestHeaders);
  if (!user) return { ok: false as const, message: "Your session has ended: sign in again." };
  if (options.instanceAdmin && !user.isAdmin) return { ok: false as const, message: "Only instance administrators can do this." };
  return { ok: true as const, user };
}
