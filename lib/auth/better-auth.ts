import "server-only";
// Sign-in, sessions and single sign-on, by Better Auth: email + password (scrypt hashes), sessions kept
// server-side in our database (sign-out deletes the row; every server sees the same sessions), and
// OpenID Connect with discovery and PKCE when HINDSIGHT_OIDC_* are set. Sign-up is closed: users come
// from /setup, HINDSIGHT_ADMIN_*, invitations, or a first SSO sign-in (as viewer of the default project).
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getEnv } from "@/lib/env";
import { authDatabase } from "@/lib/data/access/auth-database";
import { getAuthSecret } from "@/lib/data/access/instance-settings";
import { signInHooks } from "./sign-in-hooks";
import { SSO_PROVIDER_ID, ssoDatabaseHooks } from "./sso";

export const MIN_PASSWORD_LENGTH = 12;

/** The origin a request was sent to (the reverse proxy's Host and scheme when it forwards them). */
function requestOrigin(request: Request | undefined): string | undefined {
  if (!request) return undefined;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(request.url).protocol.replace(":", "");
  return host ? `${proto}://${host}` : undefined;
}
const SESSION_DAYS = 7;

async function createAuth(secret: string) {
  const env = getEnv();
  const publicUrl = env.HINDSIGHT_PUBLIC_URL;
  const oidc =
    env.HINDSIGHT_OIDC_ISSUER && env.HINDSIGHT_OIDC_CLIENT_ID && env.HINDSIGHT_OIDC_CLIENT_SECRET
      ? genericOAuth({
          config: [
            {
              providerId: SSO_PROVIDER_ID,
              name: "SSO",
              discoveryUrl: `${env.HINDSIGHT_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
              clientId: env.HINDSIGHT_OIDC_CLIENT_ID,
              clientSecret: env.HINDSIGHT_OIDC_CLIENT_SECRET,
              scopes: ["openid", "email", "profile"],
              pkce: true,
              // client_secret_basic: the OpenID Connect default, which every provider must accept (Better
              // Auth's own default, client_secret_post, is optional for providers and some hold a client
              // registered with the default to it).
              authentication: "basic",
            },
          ],
        })
      : null;
  return betterAuth({
    appName: "Hindsight",
    secret,
    // HINDSIGHT_PUBLIC_URL pins the origin (production); without it, the host each request was sent to,
    // so `npm start` works at localhost, 127.0.0.1 or a LAN address alike. Either way a browser's Origin
    // must name that same origin for sign-in and other mutations.
    baseURL: publicUrl ?? { allowedHosts: ["*"], protocol: "auto" },
    trustedOrigins: publicUrl ? [new URL(publicUrl).origin] : async (request) => [requestOrigin(request)],
    basePath: "/api/auth",
    database: authDatabase(),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256 },
    user: { additionalFields: { isAdmin: { type: "boolean", defaultValue: false, input: false } } },
    session: { expiresIn: SESSION_DAYS * 86_400, updateAge: 86_400, cookieCache: { enabled: false } },
    // The provider is trusted to vouch for emails: an SSO sign-in joins the user with that email, keeping
    // their role. Local accounts need no verified email for that: sign-up is closed, so every one was
    // made by an administrator (invited users not yet signed in included).
    account: { accountLinking: { enabled: true, trustedProviders: [SSO_PROVIDER_ID], requireLocalEmailVerified: false } },
    // Failed sign-ins are throttled per email and address in the database (sign-in-hooks.ts), which
    // holds across servers; Better Auth's own limiter counts in one process's memory.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "hindsight",
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    hooks: signInHooks,
    databaseHooks: ssoDatabaseHooks(env.HINDSIGHT_OIDC_ALLOWED_DOMAINS),
    plugins: [...(oidc ? [oidc] : []), nextCookies()],
    telemetry: { enabled: false },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const globalForAuth = globalThis as unknown as { hindsightAuth?: Promise<Auth> };

/** The process's Better Auth instance (its secret is read from the database on first use). */
export function getAuth(): Promise<Auth> {
  globalForAuth.hindsightAuth ??= getAuthSecret()
    .then(createAuth)
    .catch((error: unknown) => {
      globalForAuth.hindsightAuth = undefined;
      throw error;
    });
  return globalForAuth.hindsightAuth;
}

/** Whether "Sign in with SSO" is offered. */
export const isSsoConfigured = () => Boolean(getEnv().HINDSIGHT_OIDC_ISSUER);
