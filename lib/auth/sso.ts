import "server-only";
// Single sign-on rules: who may come in through the OpenID Connect provider (HINDSIGHT_OIDC_ALLOWED_DOMAINS),
// and what a first SSO sign-in gets: an account, as viewer of the default project.
import { APIError } from "better-auth/api";
import { isAllowedDomain, SSO_REFUSED } from "@/lib/access/sso-policy";
import { addMember } from "@/lib/data/access/members";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { findUserById } from "@/lib/data/access/users";
import { DEFAULT_PROJECT_ID, projectScope } from "@/lib/data/scope";
import { clientAddress } from "./client-address";

export const SSO_PROVIDER_ID = "oidc";

/** The endpoint a provider sends its users back to (Better Auth's shared OAuth callback, `/callback/<id>`). */
export const OAUTH_CALLBACK_ROUTE = "/callback/:id";
/** Better Auth's sign-in with a provider: returns the provider's authorization URL (or takes an ID token). */
export const PROVIDER_SIGN_IN_ROUTE = "/sign-in/social";

type HookContext = { path?: string; params?: Record<string, string | undefined> | null; headers?: Headers } | null;

/** Whether Better Auth runs this database write for a sign-in through the OpenID Connect provider. */
export const isSsoSignIn = (context: HookContext) =>
  (context?.path === OAUTH_CALLBACK_ROUTE && context.params?.id === SSO_PROVIDER_ID) || context?.path === PROVIDER_SIGN_IN_ROUTE;

// Thrown rather than returning false from the hook: Better Auth then sends the browser to the error page
// with this code (`/login?error=sso&error=sso_domain_not_allowed`), not a generic "unable to create user".
async function refuse(context: HookContext, email: string, userId: string | null): Promise<never> {
  await recordInstanceEvent({
    // Filed under the user the email names, if any, so their projects' audit logs show the attempt.
    actor: { type: "anonymous", id: userId, label: email },
    action: "auth.sign_in_failed",
    details: { method: "sso", reason: "domain not allowed" },
    ip: context?.headers ? clientAddress(context.headers) : null,
  });
  throw new APIError("FORBIDDEN", { code: SSO_REFUSED.domainNotAllowed, message: "This email domain may not sign in here." });
}

export function ssoDatabaseHooks(allowedDomains: readonly string[]) {
  // An existing user's domain is checked before their SSO account is linked (a refused sign-in leaves
  // nothing behind), and again at every session: one linked before the list changed must not keep signing in.
  const refuseUnlessAllowed = async (userId: string, context: HookContext) => {
    if (!isSsoSignIn(context) || allowedDomains.length === 0) return undefined;
    const user = await findUserById(userId);
    if (!user || !isAllowedDomain(user.email, allowedDomains)) await refuse(context, user?.email ?? "", user?.id ?? null);
    return undefined;
  };
  return {
    user: {
      create: {
        before: async (user: { email: string }, context: HookContext) => {
          if (isSsoSignIn(context) && !isAllowedDomain(user.email, allowedDomains)) await refuse(context, user.email, null);
          return undefined;
        },
        after: async (user: { id: string; email: string }, context: HookContext) => {
          if (!isSsoSignIn(context)) return;
          await addMember(projectScope(DEFAULT_PROJECT_ID), user.id, "viewer");
          await recordInstanceEvent({
            actor: { type: "user", id: user.id, label: user.email },
            action: "user.create",
            details: { via: "sso", role: "viewer" },
          });
        },
      },
    },
    account: { create: { before: (account: { userId: string }, context: HookContext) => refuseUnlessAllowed(account.userId, context) } },
    session: { create: { before: (session: { userId: string }, context: HookContext) => refuseUnlessAllowed(session.userId, context) } },
  };
}
