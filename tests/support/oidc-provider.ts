// A real OpenID Connect provider for tests (the certified `oidc-provider` package) on 127.0.0.1 and a free
// port: one confidential client (client_secret_basic) with PKCE required, the users a test gives it, and
// a one-field sign-in page (email → "Continue", consent granted with it) that a test drives with fetch
// (signInAtProvider) or Playwright. Every request it receives is recorded, so a test can check what
// Hindsight sent: discovery, the authorization request's PKCE challenge, how it authenticated.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider, { type Adapter, type AdapterPayload } from "oidc-provider";
import { freePort } from "./hindsight-server";
import type { HttpBrowser, Landing } from "./http-browser";

export type IdpUser = { email: string; name: string; /** Extra claims released with the profile scope. */ claims?: Record<string, unknown> };
export type IdpRequest = { method: string; path: string; query: URLSearchParams; authorization: string | null };

/** Where Hindsight's server at `baseUrl` takes the provider's answer (the redirect URI to register). */
export const hindsightRedirectUri = (baseUrl: string) => `${baseUrl}/api/auth/callback/oidc`;

// Endpoints at paths no client could guess: only discovery tells Hindsight where they are.
export const IDP_ROUTES = { authorization: "/idp-x/authorize", token: "/idp-x/token", userinfo: "/idp-x/me", jwks: "/idp-x/keys" } as const;

const LOGIN_PAGE = /^\/interaction\/([\w-]+)$/;
const LOGIN_SUBMIT = /^\/interaction\/([\w-]+)\/login$/;

/** The provider's storage, in memory; `Client` entries are how the client's redirect URIs change later. */
function memoryAdapter(stores: Map<string, Map<string, AdapterPayload>>) {
  return (model: string): Adapter => {
    const store = stores.get(model) ?? new Map<string, AdapterPayload>();
    stores.set(model, store);
    const findBy = (predicate: (p: AdapterPayload) => boolean) => Promise.resolve([...store.values()].find(predicate));
    return {
      upsert: async (id, payload) => void store.set(id, payload),
      find: async (id) => store.get(id),
      findByUid: (uid) => findBy((p) => p.uid === uid),
      findByUserCode: (code) => findBy((p) => p.userCode === code),
      consume: async (id) => void Object.assign(store.get(id) ?? {}, { consumed: Math.floor(Date.now() / 1000) }),
      destroy: async (id) => void store.delete(id),
      revokeByGrantId: async (grantId) => {
        for (const each of stores.values()) for (const [id, p] of each) if (p.grantId === grantId) each.delete(id);
      },
    };
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error = ""): string {
  return `<!doctype html><html><head><title>Test identity provider</title><link rel="icon" href="data:,"></head><body>
<h1>Test identity provider</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login"><label>Email <input name="email" type="email" required></label>
<button type="submit">Continue</button></form></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startOidcProvider(users: IdpUser[]) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "hindsight-test";
  const clientSecret = randomBytes(24).toString("base64url");
  const bySub = new Map(users.map((user, i) => [`user-${i + 1}`, user]));
  const subOf = (email: string) => [...bySub].find(([, u]) => u.email.toLowerCase() === email.trim().toLowerCase())?.[0];
  const stores = new Map<string, Map<string, AdapterPayload>>();
  const redirectUris: string[] = [];
  const requests: IdpRequest[] = [];
  const errors: string[] = [];
  const signingKey = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(stores),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    routes: IDP_ROUTES,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", ...new Set(users.flatMap((u) => Object.keys(u.claims ?? {})))] },
    findAccount: (_ctx, sub) => {
      const user = bySub.get(sub);
      return user && { accountId: sub, claims: () => ({ sub, email: user.email, email_verified: true, name: user.name, ...user.claims }) };
    },
  });
  for (const event of ["server_error", "authorization.error", "grant.error", "userinfo.error"] as const) {
    provider.on(event as "server_error", (_ctx, error) => errors.push(`${event}: ${error.message}`));
  }
  // A client the provider reads from its storage on every request (a statically configured one could not
  // learn the redirect URI of a server started after the provider).
  const saveClient = () =>
    void memoryAdapter(stores)("Client").upsert(clientId, {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [...redirectUris],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    });

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, isSubmit: boolean): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction cookie does not match the page");
    if (!isSubmit) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid));
    const email = (await readForm(req)).get("email") ?? "";
    const accountId = subOf(email);
    if (!accountId) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid, `No account for ${email}`));
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
  }

  const handle = provider.callback();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams, authorization: req.headers.authorization ?? null });
    const page = LOGIN_PAGE.exec(url.pathname) ?? LOGIN_SUBMIT.exec(url.pathname);
    if (!page) return void handle(req, res);
    interaction(req, res, page[1]!, url.pathname.endsWith("/login")).catch((error: unknown) => {
      errors.push(`interaction: ${String(error)}`);
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  saveClient();

  return {
    issuer,
    clientId,
    clientSecret,
    requests,
    /** Problems the provider reported (refused requests, failed exchanges): shown when a test fails. */
    errors,
    /** HINDSIGHT_OIDC_* for a server that signs in here: the issuer and the client, no endpoint. */
    hindsightEnv: (allowedDomains: string[] = []): Record<string, string> => ({
      HINDSIGHT_OIDC_ISSUER: issuer,
      HINDSIGHT_OIDC_CLIENT_ID: clientId,
      HINDSIGHT_OIDC_CLIENT_SECRET: clientSecret,
      HINDSIGHT_OIDC_ALLOWED_DOMAINS: allowedDomains.join(","),
    }),
    /** Registers a Hindsight server's redirect URI with the client (its port is known only once it runs). */
    allowHindsight(baseUrl: string): void {
      redirectUris.push(hindsightRedirectUri(baseUrl));
      saveClient();
    },
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

export type TestOidcProvider = Awaited<ReturnType<typeof startOidcProvider>>;

/**
 * At the provider's sign-in page `landing` (reached by following Hindsight's redirect), signs in as
 * `email` and follows the redirects back to wherever Hindsight sends the browser.
 */
export async function signInAtProvider(browser: HttpBrowser, landing: Landing, email: string): Promise<Landing> {
  const uid = LOGIN_PAGE.exec(new URL(landing.url).pathname)?.[1];
  if (!uid || landing.response.status !== 200)
    throw new Error(`not the provider's sign-in page: ${landing.response.status} ${landing.url}\n${await landing.response.text()}`);
  await landing.response.body?.cancel();
  const submit = new URL(`/interaction/${uid}/login`, landing.url).toString();
  return browser.follow(submit, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email }) });
}
