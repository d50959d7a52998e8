import "server-only";
// Single sign-on rules: who may come in through the OpenID Connect provider (HINDSIGHT_OIDC_ALLOWED_DOMAINS),
// and what a first SSO sign-in gets: an account, as viewer of the default project.
import { addMember } from "@/lib/data/access/members";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { findUserById } from "@/lib/data/access/users";
import { DEFAULT_PROJECT_ID, projectScope } from "@/lib/data/scope";

export const SSO_PROVIDER_ID = "oidc";

type HookContext = { path?: string } | null;
const isSsoCallback = (context: HookContext) => context?.path?.startsWith("/oauth2/callback/") ?? false;

/** Whether an email's domain is allowed (every domain when the list is empty). */
export function isAllowedDomain(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.toLowerCase().split("@").at(-1) ?? "";
  return allowedDomains.includes(domain);
}

export function ssoDatabaseHooks(allowedDomains: readonly string[]) {
  return {
    user: {
      create: {
        before: async (user: { email: string }, context: HookContext) =>
          isSsoCallback(context) && !isAllowedDomain(user.email, allowedDomains) ? false : undefined,
        after: async (user: { id: string; email: string }, context: HookContext) => {
          if (!isSsoCallback(context)) return;
          await addMember(projectScope(DEFAULT_PROJECT_ID), user.id, "viewer");
          await recordInstanceEvent({
            actor: { type: "user", id: user.id, label: user.email },
            action: "user.create",
            details: { via: "sso", role: "viewer" },
          });
        },
      },
    },
    session: {
      create: {
        // Existing users too: an account linked before the list changed must not keep signing in.
        before: async (session: { userId: string }, context: HookContext) => {
          if (!isSsoCallback(context) || allowedDomains.length === 0) return undefined;
          const user = await findUserById(session.userId);
          return user && isAllowedDomain(user.email, allowedDomains) ? undefined : false;
        },
      },
    },
  };
}
