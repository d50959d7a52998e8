// Authorisation, walked from the route tree: every page, route handler and server action refuses anonymous
// callers; every API route answers each role and key scope as its permission says (403 for too little, 404
// for another project's data), on SQLite and PostgreSQL. A route someone adds without a rule fails here.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { isRole, roleAllows, scopesAllow, type KeyScope, type Role } from "@/lib/access/permissions";
import { signIn } from "../support/sign-in";
import { userSession } from "../support/seed-users";
import { forEachDatabase, listTraces, type TestServer } from "./support";
import { exportTraces } from "./support/metrics-seed";
import { ROUTE_PERMISSIONS, type RouteRule } from "./support/route-permissions";
import { concretePath, listPages, listRouteHandlers } from "./support/route-tree";

type Caller = { name: string; headers: Record<string, string>; role?: Role; scopes?: KeyScope[]; instanceAdmin?: boolean };

const PUBLIC_PAGES = new Set(["/login", "/setup", "/invite/[token]", "/share/[token]"]);

const allows = (caller: Caller, rule: RouteRule): boolean => {
  if (rule === "instance-admin") return Boolean(caller.instanceAdmin);
  if (rule === "public" || rule === "auth") return true;
  if (caller.scopes) return scopesAllow(caller.scopes, rule);
  return rule !== "ingest" && isRole(caller.role) && roleAllows(caller.role, rule);
};

describe("the route tree", () => {
  it("gives every route handler method a permission rule", () => {
    const missing = listRouteHandlers().flatMap((r) => r.methods.filter((m) => !ROUTE_PERMISSIONS[r.path]?.[m as "GET"]).map((m) => `${m} ${r.path}`));
    expect(missing, "add them to tests/integration/support/route-permissions.ts").toEqual([]);
  });
  it("has no stale rules", () => {
    const present = new Set(listRouteHandlers().flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
    const stale = Object.entries(ROUTE_PERMISSIONS)
      .flatMap(([p, rules]) => Object.keys(rules).map((m) => `${m} ${p}`))
      .filter((r) => !present.has(r));
    expect(stale).toEqual([]);
  });
});

forEachDatabase((server) => {
  let values: Record<string, string>;
  let callers: Caller[];
  let other: { slug: string; key: string };

  beforeAll(async () => {
    const adminCookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
    const asAdmin = { cookie: adminCookie, origin: server.baseUrl, "content-type": "application/json" };
    const slug = `other-${randomBytes(3).toString("hex")}`;
    const created = await fetch(`${server.baseUrl}/api/v1/projects`, { method: "POST", headers: asAdmin, body: JSON.stringify({ name: "Other", slug }) });
    expect(created.status).toBe(201);
    const key = async (project: string, scopes: KeyScope[]) => {
      const response = await fetch(`${server.baseUrl}/api/v1/projects/${project}/api-keys`, {
        method: "POST",
        headers: asAdmin,
        body: JSON.stringify({ name: `scopes ${scopes.join(" ")}`, scopes }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { key: string }).key;
    };
    other = { slug, key: await key(slug, ["ingest", "read", "write", "admin"]) };
    const tag = randomBytes(3).toString("hex");
    const session = async (role: Role) => ({ cookie: await userSession(server, `${role}-${tag}@authz.test`, role), origin: server.baseUrl });
    const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
    callers = [
      { name: "viewer session", headers: await session("viewer"), role: "viewer" },
      { name: "member session", headers: await session("member"), role: "member" },
      { name: "project admin session", headers: await session("admin"), role: "admin" },
      { name: "instance admin session", headers: { cookie: adminCookie, origin: server.baseUrl }, role: "admin", instanceAdmin: true },
      ...(["read", "write", "admin", "ingest"] as const).map((scope) => ({
        name: `${scope} key`,
        scopes: [scope] as KeyScope[],
        headers: {},
      })),
    ];
    for (const caller of callers) if (caller.scopes) caller.headers = bearer(await key("default", caller.scopes));
    await exportTraces(server, [{ name: `authz-${tag}`, startMs: Date.now() - 60_000, durationMs: 100, attributes: {}, children: [] }]);
    const traceId = (await listTraces(server, { name: `authz-${tag}` })).data[0]?.traceId;
    const rule = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: `authz ${tag}`, metric: "cost_per_run", threshold: 1, enabled: false }),
    });
    const ruleId = ((await rule.json()) as { id: string }).id;
    values = {
      project: "default",
      slug: "default",
      traceId: traceId!,
      sessionId: "no-session",
      id: ruleId,
      userId: "no-user",
      model: "gpt-4o",
      all: "get-session",
      token: "x",
    };
  });

  it("sends anonymous visitors of every page to /login with the page they wanted", async () => {
    for (const page of listPages()) {
      const url = concretePath(page, values);
      const response = await fetch(`${server.baseUrl}${url}`, { redirect: "manual" });
      if (page === "/login" || page === "/invite/[token]") expect(response.status, url).toBe(200);
      // A share page opens without signing in; a token that opens nothing is simply not found.
      else if (page === "/share/[token]") expect(response.status, url).toBe(404);
      else if (page === "/setup") {
        // An admin exists: the page only points to sign-in.
        expect(response.status, url).toBe(200);
        const html = await response.text();
        expect(html, url).toContain("Hindsight is set up already");
        expect(html, url).not.toContain('name="password"');
      } else {
        expect(response.status, url).toBe(307);
        expect(response.headers.get("location"), url).toMatch(/\/login\?next=/);
      }
    }
    expect(listPages().filter((p) => PUBLIC_PAGES.has(p))).toHaveLength(PUBLIC_PAGES.size);
  });

  it("answers 401 to anonymous calls of every API route that needs a caller", async () => {
    for (const route of listRouteHandlers()) {
      for (const method of route.methods) {
        const rule = ROUTE_PERMISSIONS[route.path]![method as "GET"]!;
        if (rule === "public" || rule === "auth") continue;
        const response = await fetch(`${server.baseUrl}${concretePath(route.path, values)}`, {
          method,
          headers: { "content-type": "application/json" },
          body: method === "GET" ? undefined : "{}",
        });
        expect(response.status, `${method} ${route.path}`).toBe(401);
      }
    }
  });

  it("lets each role and key scope do exactly what its permission allows", async () => {
    const failures: string[] = [];
    for (const route of listRouteHandlers()) {
      for (const method of route.methods) {
        const rule = ROUTE_PERMISSIONS[route.path]![method as "GET"]!;
        if (rule === "public" || rule === "auth") continue;
        for (const caller of callers) {
          const response = await fetch(`${server.baseUrl}${concretePath(route.path, values)}`, {
            method,
            headers: { ...caller.headers, "content-type": "application/json" },
            body: method === "GET" ? undefined : "{}",
          });
          const allowed = allows(caller, rule);
          const ok = allowed ? response.status !== 401 && response.status !== 403 : response.status === (rule === "ingest" && !caller.scopes ? 401 : 403);
          if (!ok) failures.push(`${caller.name}: ${method} ${route.path} → ${response.status} (${allowed ? "allowed" : "denied"})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 for another project's data, read by id or named in the URL", async () => {
    const otherKey = { authorization: `Bearer ${other.key}`, "content-type": "application/json" };
    // A rule of its own: the matrix above may have deleted the shared one.
    const created = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "cross-project", metric: "cost_per_run", threshold: 1, enabled: false }),
    });
    const ruleId = ((await created.json()) as { id: string }).id;
    const checks: [string, string, string?][] = [
      ["GET", `/api/v1/traces/${values.traceId}`],
      ["GET", `/api/v1/alerts/rules/${ruleId}`],
      ["PUT", `/api/v1/alerts/rules/${ruleId}`, "{}"],
      ["DELETE", `/api/v1/alerts/rules/${ruleId}`],
      ["POST", `/api/v1/alerts/rules/${ruleId}/evaluate`, "{}"],
      ["GET", "/api/v1/projects/default/members"],
      ["GET", "/api/v1/projects/default/api-keys"],
      ["PATCH", "/api/v1/projects/default", JSON.stringify({ name: "taken over" })],
      ["GET", "/api/v1/projects/default/audit-log"],
    ];
    for (const [method, path, body] of checks) {
      const response = await fetch(`${server.baseUrl}${path}`, { method, headers: otherKey, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    // Its own project's list does not show the other project's trace; the rule is still there for its owner.
    const list = (await (await fetch(`${server.baseUrl}/api/v1/traces?limit=500`, { headers: otherKey })).json()) as { data: { traceId: string }[] };
    expect(list.data.map((t) => t.traceId)).not.toContain(values.traceId);
    expect((await fetch(`${server.baseUrl}/api/v1/alerts/rules/${ruleId}`, { headers: { authorization: `Bearer ${server.apiKey}` } })).status).toBe(200);
  });

  it("answers 404 to a signed-in user for a project they are not a member of", async () => {
    const outsider = await userSession(server, `outsider-${randomBytes(3).toString("hex")}@authz.test`, "admin", other.slug);
    expect((await fetch(`${server.baseUrl}/api/v1/traces?project=default`, { headers: { cookie: outsider } })).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/v1/traces/${values.traceId}?project=default`, { headers: { cookie: outsider } })).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/projects/default/traces`, { headers: { cookie: outsider }, redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/projects/default/traces/${values.traceId}`, { headers: { cookie: outsider }, redirect: "manual" })).status).toBe(
      404,
    );
    const own = await fetch(`${server.baseUrl}/api/v1/projects`, { headers: { cookie: outsider } });
    expect(((await own.json()) as { data: { slug: string }[] }).data.map((p) => p.slug)).toEqual([other.slug]);
  });

  it("refuses a session's mutation from another site (no same-origin Origin)", async () => {
    const member = callers.find((c) => c.role === "member" && !c.instanceAdmin)!;
    for (const origin of [undefined, "https://evil.example"]) {
      const response = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, {
        method: "POST",
        headers: { cookie: member.headers.cookie!, "content-type": "application/json", ...(origin ? { origin } : {}) },
        body: JSON.stringify({ name: "cross-site", metric: "cost_per_run", threshold: 1 }),
      });
      expect(response.status, String(origin)).toBe(403);
    }
  });
});

export type { TestServer };
