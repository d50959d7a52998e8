// Single sign-on with OpenID Connect against a real provider (oidc-provider on 127.0.0.1, started here),
// through real HTTP: Hindsight's sign-in endpoint, the provider's authorization and sign-in pages, and
// the callback, with every redirect followed by hand and cookies kept per site like a browser does.
// Each database gets a Hindsight server of its own configured with only the issuer and the client.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHindsight, type RunningServer } from "../support/hindsight-server";
import { HttpBrowser } from "../support/http-browser";
import { hindsightRedirectUri, IDP_ROUTES, signInAtProvider, startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { userSession, withDatabase } from "../support/seed-users";
import { signIn } from "../support/sign-in";
import { authHeaders } from "./support";

const ALLOWED_DOMAIN = "allowed.test";
const IDP_USERS = [
  // A claim the provider releases but Hindsight must never take: instance admin comes from Hindsight only.
  { email: "ada@allowed.test", name: "Ada", claims: { isAdmin: true } },
  { email: "bob@allowed.test", name: "Bob" },
  { email: "carol@allowed.test", name: "Carol" },
  { email: "dora@allowed.test", name: "Dora" },
  { email: "mallory@elsewhere.test", name: "Mallory" },
  { email: "erin@elsewhere.test", name: "Erin" },
];

type AuditRow = { actor: string; action: string; details: Record<string, unknown> };

for (const { name: database } of inject("servers")) {
  describe(`SSO on ${database}`, () => {
    let idp: TestOidcProvider;
    let server: RunningServer;

    beforeAll(async () => {
      idp = await startOidcProvider(IDP_USERS);
      server = await startHindsight({ database, env: idp.hindsightEnv([ALLOWED_DOMAIN]) });
      idp.allowHindsight(server.baseUrl);
    });
    afterAll(async () => {
      await server?.stop();
      await idp?.stop();
    });

    /** What the login page's "Sign in with SSO" does, then the provider's sign-in as `email`, then back. */
    async function signInWithSso(email: string) {
      const browser = new HttpBrowser();
      const start = await browser.request(`${server.baseUrl}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { origin: server.baseUrl, "content-type": "application/json" },
        body: JSON.stringify({ provider: "oidc", callbackURL: "/", errorCallbackURL: "/login?error=sso", disableRedirect: true }),
      });
      expect(start.status, await start.clone().text()).toBe(200);
      const { url: authorizationUrl } = (await start.json()) as { url: string };
      const landing = await signInAtProvider(browser, await browser.follow(authorizationUrl), email);
      const cookie = await browser.cookieFor(server.baseUrl);
      return { authorizationUrl, landing, cookie, isSignedIn: cookie.includes("hindsight.session_token=") };
    }

    const projectsOf = async (cookie: string) => {
      const response = await fetch(`${server.baseUrl}/api/v1/projects`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { slug: string; role: string }[] }).data.map(({ slug, role }) => ({ slug, role }));
    };
    const usersWithEmail = (email: string) =>
      withDatabase(server.databaseUrl, (sql) =>
        sql.query<{ id: string; isAdmin: unknown; providers: string }>(
          `SELECT u."id", u."isAdmin", (SELECT COUNT(*) FROM "accounts" a WHERE a."userId" = u."id" AND a."providerId" = 'oidc') || '/' ||
             (SELECT COUNT(*) FROM "accounts" a WHERE a."userId" = u."id" AND a."providerId" = 'credential') AS "providers"
           FROM "users" u WHERE u."email" = ?`,
          [email],
        ),
      );
    const auditOfDefault = async (): Promise<AuditRow[]> => {
      const response = await fetch(`${server.baseUrl}/api/v1/projects/default/audit-log`, { headers: authHeaders(server) });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: AuditRow[] }).data;
    };

    it("signs a new user in through discovery, PKCE and the callback, as viewer of the default project", async () => {
      const { authorizationUrl, landing, cookie, isSignedIn } = await signInWithSso("ada@allowed.test");
      expect(idp.errors).toEqual([]);
      expect(landing.url).toBe(`${server.baseUrl}/projects/default/traces`);
      expect(landing.response.status).toBe(200);
      expect(landing.hops.map((h) => new URL(h.url).pathname)).toContain("/api/auth/callback/oidc");
      expect(isSignedIn).toBe(true);
      expect(await projectsOf(cookie)).toEqual([{ slug: "default", role: "viewer" }]);
      const [user, ...others] = await usersWithEmail("ada@allowed.test");
      expect(others).toEqual([]);
      expect([Boolean(Number(user!.isAdmin)), user!.providers]).toEqual([false, "1/0"]);

      // Discovery: Hindsight was given the issuer only, and found endpoints at paths nobody could guess.
      expect(Object.keys(idp.hindsightEnv()).sort()).toEqual([
        "HINDSIGHT_OIDC_ALLOWED_DOMAINS",
        "HINDSIGHT_OIDC_CLIENT_ID",
        "HINDSIGHT_OIDC_CLIENT_SECRET",
        "HINDSIGHT_OIDC_ISSUER",
      ]);
      expect(idp.requestsTo("/.well-known/openid-configuration").length).toBeGreaterThan(0);
      expect(authorizationUrl.startsWith(`${idp.issuer}${IDP_ROUTES.authorization}?`)).toBe(true);
      // PKCE with S256, plus state and nonce, on the authorization request the provider received.
      const [authorization] = idp
        .requestsTo(IDP_ROUTES.authorization)
        .map((r) => Object.fromEntries(r.query))
        .slice(-1);
      expect(authorization).toMatchObject({
        client_id: idp.clientId,
        redirect_uri: hindsightRedirectUri(server.baseUrl),
        response_type: "code",
        code_challenge_method: "S256",
      });
      expect(authorization!.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorization!.state).toBeTruthy();
      expect(authorization!.nonce).toBeTruthy();
      expect(authorization!.scope!.split(" ")).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
      // The code was exchanged by the confidential client with its secret (HTTP Basic).
      expect(idp.requestsTo(IDP_ROUTES.token).at(-1)?.authorization).toMatch(/^Basic /);

      const audit = (await auditOfDefault()).filter((e) => e.actor === "ada@allowed.test");
      expect(audit.map((e) => [e.action, e.details.method ?? e.details.via])).toEqual(
        expect.arrayContaining([
          ["auth.sign_in", "sso"],
          ["user.create", "sso"],
        ]),
      );
    });

    it("signs the same user in again without a second account", async () => {
      const first = await signInWithSso("bob@allowed.test");
      const second = await signInWithSso("bob@allowed.test");
      expect([first.isSignedIn, second.isSignedIn]).toEqual([true, true]);
      expect(second.cookie).not.toBe(first.cookie);
      const users = await usersWithEmail("bob@allowed.test");
      expect(users.map((u) => u.providers)).toEqual(["1/0"]);
      expect(await projectsOf(second.cookie)).toEqual([{ slug: "default", role: "viewer" }]);
      const signIns = (await auditOfDefault()).filter((e) => e.actor === "bob@allowed.test" && e.action === "auth.sign_in");
      expect(signIns).toHaveLength(2);
    });

    it("refuses an email domain that is not allowed: back on /login with a message, no user, no session", async () => {
      const { landing, isSignedIn } = await signInWithSso("mallory@elsewhere.test");
      const url = new URL(landing.url);
      expect([url.origin, url.pathname, url.searchParams.getAll("error")]).toEqual([server.baseUrl, "/login", ["sso", "sso_domain_not_allowed"]]);
      expect(await landing.response.text()).toContain("your email domain is not allowed to sign in here");
      expect(isSignedIn).toBe(false);
      expect(await usersWithEmail("mallory@elsewhere.test")).toEqual([]);
      const failures = await withDatabase(server.databaseUrl, (sql) =>
        sql.query(`SELECT "action" FROM "audit_events" WHERE "actor" = ? AND "action" = 'auth.sign_in_failed'`, ["mallory@elsewhere.test"]),
      );
      expect(failures).toHaveLength(1);
    });

    it("refuses an existing user of a domain that is not allowed, and their project's audit log shows it", async () => {
      await userSession(server, "erin@elsewhere.test", "viewer");
      const { landing, isSignedIn } = await signInWithSso("erin@elsewhere.test");
      expect(new URL(landing.url).searchParams.getAll("error")).toEqual(["sso", "sso_domain_not_allowed"]);
      // The password session signed in above is not in this browser: nothing was signed in by SSO.
      expect(isSignedIn).toBe(false);
      expect((await usersWithEmail("erin@elsewhere.test")).map((u) => u.providers)).toEqual(["0/1"]);
      const failed = (await auditOfDefault()).filter((e) => e.actor === "erin@elsewhere.test" && e.action === "auth.sign_in_failed");
      expect(failed.map((e) => e.details)).toEqual([{ method: "sso", reason: "domain not allowed" }]);
    });

    it("links an existing password user with the same email, who keeps their role and their password", async () => {
      await userSession(server, "carol@allowed.test", "member", "default", "carol's own password");
      const { cookie, isSignedIn } = await signInWithSso("carol@allowed.test");
      expect(isSignedIn).toBe(true);
      expect(await projectsOf(cookie)).toEqual([{ slug: "default", role: "member" }]);
      expect((await usersWithEmail("carol@allowed.test")).map((u) => u.providers)).toEqual(["1/1"]);
      await expect(signIn(server.baseUrl, "carol@allowed.test", "carol's own password")).resolves.toContain("hindsight.session_token=");
    });

    it("lets an invited user sign in with SSO, with the role they were invited with", async () => {
      const invite = await fetch(`${server.baseUrl}/api/v1/projects/default/members`, {
        method: "POST",
        headers: { ...authHeaders(server), "content-type": "application/json" },
        body: JSON.stringify({ email: "dora@allowed.test", role: "member" }),
      });
      expect(invite.status).toBe(201);
      const { cookie, isSignedIn } = await signInWithSso("dora@allowed.test");
      expect(isSignedIn).toBe(true);
      expect(await projectsOf(cookie)).toEqual([{ slug: "default", role: "member" }]);
      expect((await usersWithEmail("dora@allowed.test")).map((u) => u.providers)).toEqual(["1/0"]);
    });

    it("refuses an ID token posted straight to the sign-in endpoint (no state, PKCE or nonce)", async () => {
      const response = await fetch(`${server.baseUrl}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { origin: server.baseUrl, "content-type": "application/json" },
        body: JSON.stringify({ provider: "oidc", idToken: { token: "eyJhbGciOiJub25lIn0.e30." } }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code?: string }).code).toBe("ID_TOKEN_SIGN_IN_DISABLED");
    });

    it("offers SSO on the login page only when configured, and explains a failed sign-in", async () => {
      const page = await (await fetch(`${server.baseUrl}/login`)).text();
      expect(page).toContain("Sign in with SSO");
      const plain = inject("servers").find((s) => s.name === database)!;
      expect(await (await fetch(`${plain.baseUrl}/login`)).text()).not.toContain("Sign in with SSO");
      expect(await (await fetch(`${server.baseUrl}/login?error=sso`)).text()).toContain("Single sign-on did not complete");
      expect(await (await fetch(`${server.baseUrl}/login?error=sso&error=access_denied`)).text()).toContain("cancelled at the identity provider");
    });
  });
}
