import "server-only";
// Around Better Auth's sign-in endpoints: refuse while an email or address is throttled (429 with
// Retry-After), count failures, and write every sign-in, successful or not, to the audit log (refused
// single sign-ons are written by sso.ts, which knows the email).
import { APIError, createAuthMiddleware } from "better-auth/api";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { clearFailures, countRecentFailures, recordFailure } from "@/lib/data/access/sign-in-failures";
import { findUserByEmail, normaliseEmail } from "@/lib/data/access/users";
import { clientAddress } from "./client-address";
import { isSsoSignIn, PROVIDER_SIGN_IN_ROUTE } from "./sso";
import { retryAfterSeconds, THROTTLE_WINDOW_MS } from "./throttle";

const EMAIL_SIGN_IN = "/sign-in/email";

const emailOf = (body: unknown) => normaliseEmail(String((body as { email?: unknown } | undefined)?.email ?? ""));

type SessionUser = { id: string; email: string };
const sessionUserOf = (context: unknown): SessionUser | null => (context as { newSession?: { user?: SessionUser } | null }).newSession?.user ?? null;

export const signInHooks = {
  before: createAuthMiddleware(async (ctx) => {
    // Single sign-on goes through the provider's redirect (state, PKCE, nonce) only: an ID token posted
    // straight to the sign-in endpoint would skip all three.
    if (ctx.path === PROVIDER_SIGN_IN_ROUTE && (ctx.body as { idToken?: unknown } | undefined)?.idToken !== undefined) {
      throw new APIError("BAD_REQUEST", { code: "ID_TOKEN_SIGN_IN_DISABLED", message: "Sign in with SSO through the sign-in page." });
    }
    if (ctx.path !== EMAIL_SIGN_IN) return;
    const nowMs = Date.now();
    const wait = retryAfterSeconds(await countRecentFailures(emailOf(ctx.body), clientAddress(ctx.headers), nowMs - THROTTLE_WINDOW_MS), nowMs);
    if (wait === null) return;
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { code: "TOO_MANY_ATTEMPTS", message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.` },
      { "Retry-After": String(wait) },
    );
  }),
  after: createAuthMiddleware(async (ctx) => {
    const ip = clientAddress(ctx.headers);
    const user = sessionUserOf(ctx.context);
    if (ctx.path === EMAIL_SIGN_IN) {
      const email = emailOf(ctx.body);
      if (user) {
        await clearFailures(email, Date.now() - THROTTLE_WINDOW_MS);
        await recordInstanceEvent({ actor: { type: "user", id: user.id, label: user.email }, action: "auth.sign_in", details: { method: "password" }, ip });
      } else if (ctx.context.returned instanceof APIError && ctx.context.returned.statusCode === 401) {
        await recordFailure(email, ip);
        // Filed under the user the email names, if any, so their projects' audit logs show the attempt.
        const known = await findUserByEmail(email);
        await recordInstanceEvent({
          actor: { type: "anonymous", id: known?.id ?? null, label: email },
          action: "auth.sign_in_failed",
          details: { method: "password" },
          ip,
        });
      }
    } else if (isSsoSignIn(ctx) && user) {
      await recordInstanceEvent({ actor: { type: "user", id: user.id, label: user.email }, action: "auth.sign_in", details: { method: "sso" }, ip });
    }
  }),
};
