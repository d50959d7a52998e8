// Access control through real HTTP on SQLite and PostgreSQL: sign-in throttling, invitations (valid,
// expired, used), API keys (scopes, expiry, revocation, last use), members and the audit log, and webhook
// URLs refused for private addresses on a server that does not allow them, and revocation and sign-out
// across two servers on one PostgreSQL.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresReachable, startHindsight, type RunningServer } from "../support/hindsight-server";
import { userSession, withDatabase } from "../support/seed-users";
import { forEachDatabase, type TestServer } from "./support";

const json = { "content-type": "application/json" };
const tag = () => randomBytes(4).toString("hex");

async function tryPassword(server: TestServer, email: string, password: string, ip: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { ...json, origin: server.baseUrl, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });
}

forEachDatabase((server) => {
  const admin = () => ({ authorization: `Bearer ${server.apiKey}`, ...json });

  describe("sign-in", () => {
    it("answers 401 to a wrong password, then 429 with Retry-After after 10 failures for that email, from any address", async () => {
      const email = server.admin.email;
      for (let i = 0; i < 10; i++) expect((await tryPassword(server, email, "wrong password!", `198.51.100.${i}`)).status).toBe(401);
      const blocked = await tryPassword(server, email, server.admin.password, "198.51.100.200");
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(500);
      expect(((await blocked.json()) as { message: string }).message).toMatch(/Too many failed sign-ins/);
      // The failures stay on record for the audit log of the default project (the admin is a member).
      const log = await fetch(`${server.baseUrl}/api/v1/projects/default/audit-log`, { headers: admin() });
      const actions = ((await log.json()) as { data: { action: string; actor: string }[] }).data.filter((e) => e.actor === email).map((e) => e.action);
      expect(actions.filter((a) => a === "auth.sign_in_failed").length).toBeGreaterThanOrEqual(10);
      await withDatabase(server.databaseUrl, (sql) => sql.run(`DELETE FROM "sign_in_failures" WHERE "email" = ?`, [email])); // unblock the shared admin
      expect((await tryPassword(server, email, server.admin.password, "198.51.100.201")).status).toBe(200);
    });

    it("blocks an address after 10 failures whatever emails it tries", async () => {
      const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
      for (let i = 0; i < 10; i++) expect((await tryPassword(server, `nobody-${tag()}@example.com`, "whatever password", ip)).status).toBe(401);
      expect((await tryPassword(server, `someone-${tag()}@example.com`, "whatever password", ip)).status).toBe(429);
      await withDatabase(server.databaseUrl, (sql) => sql.run(`DELETE FROM "sign_in_failures" WHERE "ip" = ?`, [ip]));
    });
  });

  describe("invitations", () => {
    it("invites a new email with a one-time link; the page says when it expired or was used", async () => {
      const email = `invitee-${tag()}@example.com`;
      const invited = await fetch(`${server.baseUrl}/api/v1/projects/default/members`, {
        method: "POST",
        headers: admin(),
        body: JSON.stringify({ email, role: "member" }),
      });
      expect(invited.status).toBe(201);
      const body = (await invited.json()) as { inviteUrl: string; role: string; email: string };
      expect(body).toMatchObject({ email, role: "member", inviteUrl: expect.stringMatching(/\/invite\/[A-Za-z0-9_-]{32}$/) });
      const path = new URL(body.inviteUrl).pathname;
      expect(await (await fetch(`${server.baseUrl}${path}`)).text()).toContain("Join Default project");
      // The invited user cannot sign in yet, and inviting them again is a conflict.
      expect((await tryPassword(server, email, "anything at all", "192.0.2.10")).status).toBe(401);
      expect(
        (
          await fetch(`${server.baseUrl}/api/v1/projects/default/members`, {
            method: "POST",
            headers: admin(),
            body: JSON.stringify({ email, role: "viewer" }),
          })
        ).status,
      ).toBe(409);
      await withDatabase(server.databaseUrl, (sql) =>
        sql.run(`UPDATE "invitations" SET "expiresAt" = ? WHERE "userId" = (SELECT "id" FROM "users" WHERE "email" = ?)`, [
          server.name === "sqlite" ? Date.now() - 1000 : new Date(Date.now() - 1000).toISOString(),
          email,
        ]),
      );
      expect(await (await fetch(`${server.baseUrl}${path}`)).text()).toContain("Invitation expired");
      expect(await (await fetch(`${server.baseUrl}/invite/${"x".repeat(32)}`)).text()).toContain("Invitation not found");
    });

    it("adds a known user without a link, and refuses bad input naming the field", async () => {
      const cases: [unknown, string][] = [
        [{ email: "not an email", role: "member" }, "email"],
        [{ email: "a@example.com", role: "owner" }, "role"],
        [{ email: "a@example.com", role: "member", extra: 1 }, "body"],
      ];
      for (const [payload, field] of cases) {
        const response = await fetch(`${server.baseUrl}/api/v1/projects/default/members`, { method: "POST", headers: admin(), body: JSON.stringify(payload) });
        expect(response.status, JSON.stringify(payload)).toBe(400);
        expect(((await response.json()) as { parameter: string }).parameter).toBe(field);
      }
    });

    it("keeps at least one admin in a project", async () => {
      const members = (await (await fetch(`${server.baseUrl}/api/v1/projects/default/members`, { headers: admin() })).json()) as {
        data: { userId: string; role: string }[];
      };
      const admins = members.data.filter((m) => m.role === "admin");
      if (admins.length !== 1) return; // other test files may have added admins
      const demote = await fetch(`${server.baseUrl}/api/v1/projects/default/members/${admins[0]!.userId}`, {
        method: "PATCH",
        headers: admin(),
        body: JSON.stringify({ role: "viewer" }),
      });
      expect(demote.status).toBe(409);
    });
  });

  describe("API keys", () => {
    const createKey = (payload: unknown) =>
      fetch(`${server.baseUrl}/api/v1/projects/default/api-keys`, { method: "POST", headers: admin(), body: JSON.stringify(payload) });

    it("refuses malformed scopes and expiries with a 400 naming the field", async () => {
      const cases: [unknown, string][] = [
        [{ name: "k", scopes: ["root"] }, "scopes.0"],
        [{ name: "k", scopes: [] }, "scopes"],
        [{ name: "k", scopes: "read" }, "scopes"],
        [{ name: "", scopes: ["read"] }, "name"],
        [{ name: "k", scopes: ["read"], expiresAt: "tomorrow" }, "expiresAt"],
        [{ name: "k", scopes: ["read"], expiresAt: "2001-01-01T00:00:00Z" }, "expiresAt"],
      ];
      for (const [payload, field] of cases) {
        const response = await createKey(payload);
        expect(response.status, JSON.stringify(payload)).toBe(400);
        expect(((await response.json()) as { parameter: string }).parameter).toBe(field);
      }
    });

    it("shows a key once, lists it by prefix, notes its use, and stops it at once when revoked", async () => {
      const created = await createKey({ name: `reader ${tag()}`, scopes: ["read"] });
      expect(created.status).toBe(201);
      const { key, id, prefix } = (await created.json()) as { key: string; id: string; prefix: string };
      expect(key.startsWith(prefix)).toBe(true);
      expect((await fetch(`${server.baseUrl}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      const listed = (
        (await (await fetch(`${server.baseUrl}/api/v1/projects/default/api-keys`, { headers: admin() })).json()) as { data: Record<string, unknown>[] }
      ).data;
      const entry = listed.find((k) => k.id === id)!;
      expect(entry).toMatchObject({ prefix, scopes: ["read"], expiresAt: null });
      expect(JSON.stringify(listed)).not.toContain(key);
      expect((await fetch(`${server.baseUrl}/api/v1/projects/default/api-keys/${id}`, { method: "DELETE", headers: admin() })).status).toBe(204);
      const refused = await fetch(`${server.baseUrl}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: string }).error).toMatch(/revoked/);
      expect((await fetch(`${server.baseUrl}/api/v1/projects/default/api-keys/${id}`, { method: "DELETE", headers: admin() })).status).toBe(404);
    });

    it("stops an expired key with a message saying so", async () => {
      const expiresAt = new Date(Date.now() + 1500).toISOString();
      const { key } = (await (await createKey({ name: `short-lived ${tag()}`, scopes: ["ingest", "read"], expiresAt })).json()) as { key: string };
      expect((await fetch(`${server.baseUrl}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2000));
      for (const path of ["/api/v1/traces?limit=1"]) {
        const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: string }).error).toMatch(/expired/);
      }
      const otlp = await fetch(`${server.baseUrl}/v1/traces`, { method: "POST", headers: { authorization: `Bearer ${key}`, ...json }, body: "{}" });
      expect(otlp.status).toBe(401);
    });

    it("keeps ingest-only keys out of the read API and read keys out of ingest", async () => {
      const ingest = ((await (await createKey({ name: `ingest ${tag()}`, scopes: ["ingest"] })).json()) as { key: string }).key;
      const read = ((await (await createKey({ name: `read ${tag()}`, scopes: ["read"] })).json()) as { key: string }).key;
      expect((await fetch(`${server.baseUrl}/v1/traces`, { method: "POST", headers: { authorization: `Bearer ${ingest}`, ...json }, body: "{}" })).status).toBe(
        200,
      );
      expect((await fetch(`${server.baseUrl}/api/v1/traces`, { headers: { authorization: `Bearer ${ingest}` } })).status).toBe(403);
      expect((await fetch(`${server.baseUrl}/v1/traces`, { method: "POST", headers: { authorization: `Bearer ${read}`, ...json }, body: "{}" })).status).toBe(
        403,
      );
    });
  });
});

describe("a server without HINDSIGHT_WEBHOOK_ALLOW_PRIVATE", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startHindsight({ database: "sqlite", env: { HINDSIGHT_WEBHOOK_ALLOW_PRIVATE: "0", HINDSIGHT_KEY_USAGE_FLUSH_SECONDS: "1" } });
  });
  afterAll(() => server?.stop());

  it.each([
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://127.0.0.1:8080/hook", /loopback/],
    ["http://localhost:8080/hook", /localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/],
    ["http://10.0.0.5/hook", /private/],
    ["http://[fd00:ec2::254]/", /unique local/],
  ])("refuses the webhook %s with a 400 saying why, and stores nothing", async (webhookUrl, reason) => {
    const before = (
      (await (await fetch(`${server.baseUrl}/api/v1/alerts/rules`, { headers: { authorization: `Bearer ${server.apiKey}` } })).json()) as { data: unknown[] }
    ).data.length;
    const response = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, ...json },
      body: JSON.stringify({ name: "ssrf", metric: "cost_per_run", threshold: 1, webhookUrl }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe("webhookUrl");
    expect(body.error).toMatch(reason);
    const after = (
      (await (await fetch(`${server.baseUrl}/api/v1/alerts/rules`, { headers: { authorization: `Bearer ${server.apiKey}` } })).json()) as { data: unknown[] }
    ).data.length;
    expect(after).toBe(before);
  });

  it("writes a key's lastUsedAt after use, without a write per request", async () => {
    const created = await fetch(`${server.baseUrl}/api/v1/projects/default/api-keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, ...json },
      body: JSON.stringify({ name: "usage", scopes: ["read"] }),
    });
    const { key, id } = (await created.json()) as { key: string; id: string };
    const lastUsed = async () =>
      (
        (await (await fetch(`${server.baseUrl}/api/v1/projects/default/api-keys`, { headers: { authorization: `Bearer ${server.apiKey}` } })).json()) as {
          data: { id: string; lastUsedAt: string | null }[];
        }
      ).data.find((k) => k.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const usedAt = Date.now();
    for (let i = 0; i < 5; i++) await fetch(`${server.baseUrl}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    await new Promise((r) => setTimeout(r, 2500));
    expect(Date.parse((await lastUsed())!)).toBeGreaterThanOrEqual(usedAt - 1000);
  });
});

describe.runIf(await isPostgresReachable())("two servers on one PostgreSQL", () => {
  let first: RunningServer;
  let second: RunningServer;
  beforeAll(async () => {
    first = await startHindsight({ database: "postgres" });
    second = await startHindsight({ database: "postgres", databaseUrl: first.databaseUrl, apiKey: first.apiKey });
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it("a key revoked on one server stops working on the other within 5 seconds; a session ended on one ends on both", async () => {
    const created = await fetch(`${first.baseUrl}/api/v1/projects/default/api-keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${first.apiKey}`, ...json },
      body: JSON.stringify({ name: `two nodes ${tag()}`, scopes: ["read"] }),
    });
    const { key, id } = (await created.json()) as { key: string; id: string };
    const readOnSecond = () => fetch(`${second.baseUrl}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    expect((await readOnSecond()).status).toBe(200); // now cached on the second server
    const revoked = await fetch(`${first.baseUrl}/api/v1/projects/default/api-keys/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${first.apiKey}` },
    });
    expect(revoked.status).toBe(204);
    await new Promise((r) => setTimeout(r, 5000));
    const refused = await readOnSecond();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/revoked/);

    const cookie = await userSession(first, `nodes-${tag()}@access.test`, "viewer");
    const page = (server: RunningServer) => fetch(`${server.baseUrl}/projects/default/traces`, { headers: { cookie }, redirect: "manual" });
    expect((await page(second)).status).toBe(200);
    const signedOut = await fetch(`${first.baseUrl}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: first.baseUrl, ...json }, body: "{}" });
    expect(signedOut.status).toBe(200);
    expect((await page(second)).status).toBe(307);
  });
});
