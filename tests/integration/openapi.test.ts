// GET /api/openapi.json from a real server, and real answers of every documented operation checked
// against it (status listed, body valid for the zod schema and for the served JSON Schema). Spans come
// from the captured fixtures of real instrumentation libraries (tests/fixtures/otlp/).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { signIn } from "../support/sign-in";
import { authHeaders, forEachDatabase, type TestServer } from "./support";
import { documentedAnswers, type AnswerChecker } from "./support/documented-answer";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/otlp");
const traceFixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".json") && !f.endsWith(".logs.json"));
const readFixture = (file: string) => readFileSync(path.join(FIXTURES, file), "utf8");
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const json = { "content-type": "application/json" };

/** The fixture with new trace ids, moved in time so it ends now (for the metrics of the last 24 h). */
function freshCopy(text: string): { body: string; traceIds: string[] } {
  const ids = new Map<string, string>();
  const ends = [...text.matchAll(/"endTimeUnixNano":\s*"?(\d+)/g)].map((m) => BigInt(m[1]!));
  const shift = BigInt(Date.now()) * 1_000_000n - ends.reduce((a, b) => (a > b ? a : b), 0n);
  const body = text
    .replace(/"traceId":\s*"([0-9a-fA-F]{32})"/g, (_, id: string) => `"traceId": "${ids.get(id) ?? (ids.set(id, hex(16)), ids.get(id))}"`)
    .replace(
      /"(start|end|)[tT]imeUnixNano":\s*"?(\d+)"?/g,
      (_, which: string, ns: string) => `"${which}${which ? "T" : "t"}imeUnixNano": "${BigInt(ns) + shift}"`,
    );
  return { body, traceIds: [...ids.values()] };
}

forEachDatabase((server: TestServer) => {
  let check: AnswerChecker;
  const api = (method: string, url: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${url}`, { method, ...init, headers: { ...authHeaders(server), ...(init.body ? json : {}), ...init.headers } });

  beforeAll(async () => {
    const response = await fetch(`${server.baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    check = documentedAnswers((await response.clone().json()) as Parameters<typeof documentedAnswers>[0]);
    await check(response, "GET", "/api/openapi.json");
  });

  it("serves the document without credentials, as built from the schemas", async () => {
    const response = await fetch(`${server.baseUrl}/api/openapi.json`);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  describe("real answers match the document", () => {
    const traceIds: string[] = [];

    beforeAll(async () => {
      for (const file of traceFixtures) {
        const { body, traceIds: ids } = freshCopy(readFixture(file));
        await check(await api("POST", "/v1/traces", { body }), "POST", "/v1/traces");
        traceIds.push(...ids);
      }
    });

    it("ingest: traces, logs, the Langfuse endpoint and their errors", async () => {
      await check(await api("POST", "/v1/logs", { body: readFixture("openai-official.logs.json") }), "POST", "/v1/logs");
      const basic = `Basic ${Buffer.from(`pk-any:${server.apiKey}`).toString("base64")}`;
      const langfuse = await fetch(`${server.baseUrl}/api/public/otel/v1/traces`, {
        method: "POST",
        body: freshCopy(readFixture("langfuse.json")).body,
        headers: { ...json, authorization: basic },
      });
      await check(langfuse, "POST", "/api/public/otel/v1/traces");
      const bad = await api("POST", "/v1/traces", { body: "{" });
      expect(bad.status).toBe(400);
      await check(bad, "POST", "/v1/traces");
      const anonymous = await fetch(`${server.baseUrl}/v1/traces`, { method: "POST", body: "{}", headers: json });
      await check(anonymous, "POST", "/v1/traces");
      await check(await api("POST", "/v1/logs", { body: "x", headers: { "content-type": "text/plain" } }), "POST", "/v1/logs");
    });

    it("traces: list, every fixture trace with its spans, and the errors", async () => {
      expect(traceIds.length).toBeGreaterThanOrEqual(traceFixtures.length);
      const page = (await check(await api("GET", "/api/v1/traces?limit=20"), "GET", "/api/v1/traces")) as { data: unknown[] };
      expect(page.data.length).toBeGreaterThan(0);
      for (const id of traceIds) {
        const response = await api("GET", `/api/v1/traces/${id}`);
        expect(response.status, id).toBe(200);
        await check(response, "GET", "/api/v1/traces/{traceId}");
      }
      for (const query of ["limit=0", "surprise=1", "minCostUsd=", "from=yesterday"]) {
        const response = await api("GET", `/api/v1/traces?${query}`);
        expect(response.status, query).toBe(400);
        expect(((await check(response, "GET", "/api/v1/traces")) as { parameter: string }).parameter).toBe(query.split("=")[0]);
      }
      await check(await api("GET", "/api/v1/traces/not-a-trace-id"), "GET", "/api/v1/traces/{traceId}");
      await check(await api("GET", `/api/v1/traces/${hex(16)}`), "GET", "/api/v1/traces/{traceId}");
      await check(await fetch(`${server.baseUrl}/api/v1/traces`), "GET", "/api/v1/traces");
    });

    it("analytics: latency, cost and drift", async () => {
      for (const groupBy of ["name", "agent", "tool", "model", "kind"]) {
        const latency = (await check(await api("GET", `/api/v1/metrics/latency?bucket=1h&groupBy=${groupBy}`), "GET", "/api/v1/metrics/latency")) as {
          data: unknown[];
        };
        expect(latency.data.length, groupBy).toBeGreaterThan(0);
      }
      for (const groupBy of ["task", "agent", "model", "user", "session"]) {
        await check(await api("GET", `/api/v1/metrics/cost?groupBy=${groupBy}`), "GET", "/api/v1/metrics/cost");
      }
      const drift = (await check(await api("GET", "/api/v1/drift?groupBy=agent"), "GET", "/api/v1/drift")) as { data: unknown[] };
      expect(drift.data.length).toBeGreaterThan(0);
      await check(await api("GET", "/api/v1/drift"), "GET", "/api/v1/drift");
      await check(await api("GET", "/api/v1/metrics/cost?bucket=1m"), "GET", "/api/v1/metrics/cost");
    });

    it("retro analysis: findings metrics, a critical path, a diff and their errors", async () => {
      const [a, b] = traceIds;
      for (const groupBy of ["type", "task", "agent"]) {
        await check(await api("GET", `/api/v1/metrics/findings?groupBy=${groupBy}`), "GET", "/api/v1/metrics/findings");
      }
      await check(await api("GET", "/api/v1/metrics/findings?bucket=fortnight"), "GET", "/api/v1/metrics/findings");
      const path = await api("GET", `/api/v1/traces/${a}/critical-path`);
      expect(path.status).toBe(200);
      await check(path, "GET", "/api/v1/traces/{traceId}/critical-path");
      await check(await api("GET", `/api/v1/traces/${hex(16)}/critical-path`), "GET", "/api/v1/traces/{traceId}/critical-path");
      const diff = await api("GET", `/api/v1/traces/diff?a=${a}&b=${b}`);
      expect(diff.status).toBe(200);
      await check(diff, "GET", "/api/v1/traces/diff");
      await check(await api("GET", `/api/v1/traces/diff?a=${a}&b=baseline`), "GET", "/api/v1/traces/diff");
      const bad = await api("GET", `/api/v1/traces/diff?a=${a}`);
      expect(bad.status).toBe(400);
      await check(bad, "GET", "/api/v1/traces/diff");
    });
  });

  it("alerts: a rule's life, its evaluation, incidents and errors", async () => {
    const created = await api("POST", "/api/v1/alerts/rules", { body: JSON.stringify({ name: `openapi ${hex(3)}`, metric: "cost_per_run", threshold: 1000 }) });
    expect(created.status).toBe(201);
    const { id } = (await check(created, "POST", "/api/v1/alerts/rules")) as { id: string };
    await check(await api("GET", "/api/v1/alerts/rules"), "GET", "/api/v1/alerts/rules");
    await check(await api("GET", `/api/v1/alerts/rules/${id}`), "GET", "/api/v1/alerts/rules/{id}");
    await check(await api("PUT", `/api/v1/alerts/rules/${id}`, { body: JSON.stringify({ driftPct: 50 }) }), "PUT", "/api/v1/alerts/rules/{id}");
    await check(await api("POST", `/api/v1/alerts/rules/${id}/evaluate`), "POST", "/api/v1/alerts/rules/{id}/evaluate");
    await check(await api("GET", `/api/v1/alerts/incidents?ruleId=${id}`), "GET", "/api/v1/alerts/incidents");
    await check(await api("GET", "/api/v1/alerts/incidents?state=closed"), "GET", "/api/v1/alerts/incidents");
    await check(await api("POST", "/api/v1/alerts/rules", { body: JSON.stringify({ name: "x", metric: "nope" }) }), "POST", "/api/v1/alerts/rules");
    await check(await api("DELETE", `/api/v1/alerts/rules/${id}`), "DELETE", "/api/v1/alerts/rules/{id}");
    await check(await api("GET", `/api/v1/alerts/rules/${id}`), "GET", "/api/v1/alerts/rules/{id}");
  });

  it("prices: the table, an override and its removal", async () => {
    const model = `openapi-model-${hex(3)}`;
    await check(await api("GET", "/api/v1/prices"), "GET", "/api/v1/prices");
    await check(
      await api("PUT", `/api/v1/prices/${model}`, { body: JSON.stringify({ inputPerMTokUsd: 1, outputPerMTokUsd: 2 }) }),
      "PUT",
      "/api/v1/prices/{model}",
    );
    await check(await api("PUT", `/api/v1/prices/${model}`, { body: JSON.stringify({ inputPerMTokUsd: -1 }) }), "PUT", "/api/v1/prices/{model}");
    await check(await api("DELETE", `/api/v1/prices/${model}`), "DELETE", "/api/v1/prices/{model}");
    await check(await api("DELETE", `/api/v1/prices/${model}`), "DELETE", "/api/v1/prices/{model}");
  });

  it("projects, keys, members and the audit log", async () => {
    await check(await api("GET", "/api/v1/projects"), "GET", "/api/v1/projects");
    const cookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
    const session = { cookie, origin: server.baseUrl };
    await check(await fetch(`${server.baseUrl}/api/v1/projects`, { headers: session }), "GET", "/api/v1/projects");
    const badProject = await fetch(`${server.baseUrl}/api/v1/projects`, {
      method: "POST",
      body: JSON.stringify({ name: "x", slug: "Not A Slug" }),
      headers: { ...session, ...json },
    });
    expect(badProject.status).toBe(400);
    await check(badProject, "POST", "/api/v1/projects");
    await check(await api("POST", "/api/v1/projects", { body: JSON.stringify({ name: "x" }) }), "POST", "/api/v1/projects");
    await check(await api("PATCH", "/api/v1/projects/default", { body: "{}" }), "PATCH", "/api/v1/projects/{slug}");

    const keys = "/api/v1/projects/default/api-keys";
    await check(await api("GET", keys), "GET", "/api/v1/projects/{slug}/api-keys");
    const key = (await check(
      await api("POST", keys, { body: JSON.stringify({ name: "openapi", scopes: ["read"] }) }),
      "POST",
      "/api/v1/projects/{slug}/api-keys",
    )) as { id: string };
    await check(await api("DELETE", `${keys}/${key.id}`), "DELETE", "/api/v1/projects/{slug}/api-keys/{id}");
    await check(await api("DELETE", `${keys}/${key.id}`), "DELETE", "/api/v1/projects/{slug}/api-keys/{id}");

    const members = "/api/v1/projects/default/members";
    await check(await api("GET", members), "GET", "/api/v1/projects/{slug}/members");
    const invited = await api("POST", members, { body: JSON.stringify({ email: `openapi-${hex(3)}@example.test`, role: "viewer" }) });
    const { userId } = (await check(invited, "POST", "/api/v1/projects/{slug}/members")) as { userId: string };
    await check(await api("PATCH", `${members}/${userId}`, { body: JSON.stringify({ role: "member" }) }), "PATCH", "/api/v1/projects/{slug}/members/{userId}");
    await check(await api("DELETE", `${members}/${userId}`), "DELETE", "/api/v1/projects/{slug}/members/{userId}");
    await check(await api("GET", "/api/v1/projects/elsewhere/members"), "GET", "/api/v1/projects/{slug}/members");

    const log = (await check(await api("GET", "/api/v1/projects/default/audit-log"), "GET", "/api/v1/projects/{slug}/audit-log")) as { data: unknown[] };
    expect(log.data.length).toBeGreaterThan(0);
    await check(await api("GET", "/api/v1/projects/default/audit-log?cursor=x"), "GET", "/api/v1/projects/{slug}/audit-log");

    const redaction = "/api/v1/projects/default/redaction";
    const config = await check(await api("GET", redaction), "GET", "/api/v1/projects/{slug}/redaction");
    const saved = { detectors: ["email"], patterns: [{ name: "order_id", regex: "ORD-\\d{8}" }] };
    expect(await check(await api("PUT", redaction, { body: JSON.stringify(saved) }), "PUT", "/api/v1/projects/{slug}/redaction")).toEqual(saved);
    await check(
      await api("PUT", redaction, { body: JSON.stringify({ patterns: [{ name: "bad", regex: "(a+)+" }] }) }),
      "PUT",
      "/api/v1/projects/{slug}/redaction",
    );
    await check(await api("PUT", redaction, { body: JSON.stringify(config) }), "PUT", "/api/v1/projects/{slug}/redaction");
  });

  it("health", async () => {
    await check(await fetch(`${server.baseUrl}/api/health`), "GET", "/api/health");
  });
});
