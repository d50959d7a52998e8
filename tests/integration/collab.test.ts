// Retro collaboration over real HTTP on SQLite and PostgreSQL: comments and tags with roles, share links
// opened anonymously (and nothing else with their token), exports that re-import into another project as
// the same spans. Traces come from the real OpenTelemetry SDK (support/collab-seed.ts).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TraceDetail } from "@/lib/trace/types";
import { userSession, withDatabase } from "../support/seed-users";
import { signIn } from "../support/sign-in";
import { forEachDatabase } from "./support";
import { runEmitter, type OpenAIOfficialResult } from "./emitters/run-emitter";
import { sendAgentRun } from "./support/collab-seed";

const JSON_TYPE = { "content-type": "application/json" };

forEachDatabase((server) => {
  const tag = randomBytes(3).toString("hex");
  const url = (path: string) => `${server.baseUrl}${path}`;
  const key = { authorization: `Bearer ${server.apiKey}` };
  let traceId: string;
  let otherTraceId: string;
  let as: Record<"viewer" | "member" | "member2" | "admin", Record<string, string>>;

  const call = (path: string, headers: Record<string, string>, method = "GET", body?: unknown) =>
    fetch(url(path), { method, headers: { ...headers, ...JSON_TYPE }, body: body === undefined ? undefined : JSON.stringify(body) });
  const traceIdNamed = async (name: string) => {
    const page = (await (await fetch(url(`/api/v1/traces?name=${name}`), { headers: key })).json()) as { data: { traceId: string }[] };
    return page.data[0]!.traceId;
  };

  beforeAll(async () => {
    await sendAgentRun(server.baseUrl, server.apiKey, `collab-${tag}`);
    await sendAgentRun(server.baseUrl, server.apiKey, `collab-other-${tag}`);
    traceId = await traceIdNamed(`collab-${tag}`);
    otherTraceId = await traceIdNamed(`collab-other-${tag}`);
    const session = async (role: "viewer" | "member" | "admin", who: string) => ({
      cookie: await userSession(server, `${who}-${tag}@collab.test`, role),
      origin: server.baseUrl,
    });
    as = {
      viewer: await session("viewer", "viewer"),
      member: await session("member", "member"),
      member2: await session("member", "member2"),
      admin: await session("admin", "admin"),
    };
  });

  describe("comments", () => {
    it("lets members comment on a span and on the trace, viewers only read, authors edit, authors and admins delete", async () => {
      const detail = (await (await fetch(url(`/api/v1/traces/${traceId}`), { headers: key })).json()) as TraceDetail;
      const spanId = detail.spans.find((s) => s.kind === "tool")!.spanId;
      const path = `/api/v1/traces/${traceId}/comments`;

      expect((await call(path, as.viewer, "POST", { body: "viewer note" })).status).toBe(403);
      const onSpan = await call(path, as.member, "POST", { body: "The **search** tool timed out", spanId });
      expect(onSpan.status).toBe(201);
      const created = (await onSpan.json()) as { id: string; spanId: string; author: { name: string }; createdAt: string };
      expect(created).toMatchObject({ spanId, body: "The **search** tool timed out", author: { name: expect.stringContaining("member-") } });
      const onTrace = (await (await call(path, as.member2, "POST", { body: "Retry policy missing" })).json()) as { id: string; spanId: null };
      expect(onTrace.spanId).toBeNull();

      const thread = (await (await call(path, as.viewer)).json()) as { data: { id: string; canEdit: boolean; canDelete: boolean }[] };
      expect(thread.data.map((c) => c.id)).toEqual([created.id, onTrace.id]);
      expect(thread.data.every((c) => !c.canEdit && !c.canDelete)).toBe(true);

      const edit = (who: Record<string, string>, id: string, body: string) => call(`/api/v1/comments/${id}`, who, "PATCH", { body });
      expect((await edit(as.member2, created.id, "hijacked")).status).toBe(403);
      expect((await edit(as.admin, created.id, "rewritten by admin")).status).toBe(403);
      const edited = await edit(as.member, created.id, "The search tool timed out after 500 ms");
      expect(edited.status).toBe(200);
      expect(((await edited.json()) as { body: string }).body).toBe("The search tool timed out after 500 ms");

      expect((await call(`/api/v1/comments/${created.id}`, as.member2, "DELETE")).status).toBe(403);
      expect((await call(`/api/v1/comments/${created.id}`, as.viewer, "DELETE")).status).toBe(403);
      expect((await call(`/api/v1/comments/${created.id}`, as.admin, "DELETE")).status).toBe(204);
      expect((await call(`/api/v1/comments/${onTrace.id}`, as.member2, "DELETE")).status).toBe(204);
      expect((await call(`/api/v1/comments/${onTrace.id}`, as.member2, "DELETE")).status).toBe(404);
      expect(((await (await call(path, as.viewer)).json()) as { data: unknown[] }).data).toEqual([]);
    });

    it("refuses bad comments with a clear 4xx and stores nothing", async () => {
      const path = `/api/v1/traces/${traceId}/comments`;
      const tooLong = await call(path, as.member, "POST", { body: "x".repeat(10_001) });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.json()).toMatchObject({ parameter: "body", error: expect.stringContaining("10,000") });
      expect((await call(path, as.member, "POST", { body: "é".repeat(10_000) })).status).toBe(201);
      expect((await call(path, as.member, "POST", { body: "  " })).status).toBe(400);
      expect((await call(path, as.member, "POST", { body: "on a missing span", spanId: "0123456789abcdef" })).status).toBe(404);
      expect((await call(path, as.member, "POST", { body: "bad span", spanId: "xyz" })).status).toBe(400);
      expect((await call(`/api/v1/traces/${"f".repeat(32)}/comments`, as.member, "POST", { body: "no trace" })).status).toBe(404);
      const thread = (await (await call(path, as.viewer)).json()) as { data: { body: string }[] };
      expect(thread.data.map((c) => c.body.length)).toEqual([10_000]);
    });
  });

  describe("mentions", () => {
    it("finds a comment for the member it mentions, and only for them", async () => {
      const members = (await (await call("/api/v1/projects/default/members", as.viewer)).json()) as { data: { userId: string; email: string }[] };
      const mentioned = members.data.find((m) => m.email === `member2-${tag}@collab.test`)!;
      const body = `[@Member Two](mention:${mentioned.userId}) can you look at the **search** timeout?`;
      const posted = await call(`/api/v1/traces/${traceId}/comments`, as.member, "POST", { body });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };

      const mentionsOf = async (who: Record<string, string>, query = "") => {
        const response = await call(`/api/v1/comments/mentions${query}`, who);
        expect(response.status).toBe(200);
        return ((await response.json()) as { data: { id: string; traceId: string; body: string }[] }).data;
      };
      expect(await mentionsOf(as.member2)).toEqual([expect.objectContaining({ id, traceId, body })]);
      expect((await mentionsOf(as.member)).map((c) => c.id)).not.toContain(id);
      expect((await mentionsOf(key, `?userId=${mentioned.userId}`)).map((c) => c.id)).toEqual([id]);
      const keyWithoutUser = await call("/api/v1/comments/mentions", key);
      expect(keyWithoutUser.status).toBe(400);
      expect(await keyWithoutUser.json()).toMatchObject({ parameter: "userId" });
      expect((await call("/api/v1/comments/mentions?userId=%25", key)).status).toBe(400);
      expect((await call("/api/v1/comments/mentions?who=me", key)).status).toBe(400);

      // The Mentions page of the mentioned member shows it, the mention as a name and not a link.
      const page = await (await fetch(url("/projects/default/mentions"), { headers: as.member2 })).text();
      expect(page).toContain(`data-user-id="${mentioned.userId}">@Member Two</span>`);
      expect(page).toContain(`href="/projects/default/traces/${traceId}"`);
      expect((await call(`/api/v1/comments/${id}`, as.member, "DELETE")).status).toBe(204);
      expect(await mentionsOf(as.member2)).toEqual([]);
    });
  });

  describe("tags", () => {
    it("lets members tag, filters the list by every tag given, and offers the project's vocabulary", async () => {
      const path = `/api/v1/traces/${traceId}/tags`;
      expect((await call(path, as.viewer, "PUT", { tags: ["x"] })).status).toBe(403);
      const put = await call(path, as.member, "PUT", { tags: [` timeout-${tag} `, `search-${tag}`, `timeout-${tag}`] });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ tags: [`timeout-${tag}`, `search-${tag}`] });
      expect((await call(`/api/v1/traces/${otherTraceId}/tags`, as.member, "PUT", { tags: [`timeout-${tag}`] })).status).toBe(200);

      const filtered = async (...tags: string[]) => {
        const query = new URLSearchParams(tags.map((t) => ["tag", t]));
        const page = (await (await fetch(url(`/api/v1/traces?${query}`), { headers: key })).json()) as { data: { traceId: string }[] };
        return page.data.map((t) => t.traceId).sort();
      };
      expect(await filtered(`timeout-${tag}`)).toEqual([traceId, otherTraceId].sort());
      expect(await filtered(`timeout-${tag}`, `search-${tag}`)).toEqual([traceId]);
      expect(await filtered(`nothing-${tag}`)).toEqual([]);

      const vocabulary = (await (await call("/api/v1/tags", as.viewer)).json()) as { data: { tag: string; traces: number }[] };
      expect(vocabulary.data).toEqual(
        expect.arrayContaining([
          { tag: `timeout-${tag}`, traces: 2 },
          { tag: `search-${tag}`, traces: 1 },
        ]),
      );
    });

    it("refuses control characters and other bad tags with a 400, leaving the tags as they were", async () => {
      const path = `/api/v1/traces/${traceId}/tags`;
      const before = await (await call(path, as.viewer)).json();
      for (const tags of [["bad\u0000tag"], ["line\nbreak"], ["bell\u0007"], ["c1\u0085"], [""], ["x".repeat(65)], "not-a-list", [42]]) {
        const response = await call(path, as.member, "PUT", { tags });
        expect(response.status, JSON.stringify(tags)).toBe(400);
        expect(((await response.json()) as { parameter: string }).parameter).toMatch(/^tags/);
      }
      expect((await fetch(url(`/api/v1/traces?tag=${encodeURIComponent("a\u0001b")}`), { headers: key })).status).toBe(400);
      expect(await (await call(path, as.viewer)).json()).toEqual(before);
    });
  });

  describe("share links", () => {
    const auditActions = async () => {
      const cookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
      const log = (await (await fetch(url("/api/v1/projects/default/audit-log"), { headers: { cookie } })).json()) as {
        data: { action: string; target: string; details: { linkId?: string } }[];
      };
      return log.data;
    };

    it("opens the one trace without signing in, nothing else, and 404 once revoked", async () => {
      expect((await call(`/api/v1/traces/${traceId}/share`, as.viewer, "POST", { expiresInHours: 24 })).status).toBe(403);
      const created = await call(`/api/v1/traces/${traceId}/share`, as.member, "POST", { expiresInHours: 24 });
      expect(created.status).toBe(201);
      const link = (await created.json()) as { id: string; token: string; url: string; expiresAt: string };
      expect(link.url).toBe(`${server.baseUrl}/share/${link.token}`);
      expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);

      const shared = await fetch(url(`/api/share/${link.token}`));
      expect(shared.status).toBe(200);
      const body = (await shared.json()) as TraceDetail;
      expect(body.trace.traceId).toBe(traceId);
      expect(JSON.stringify(body)).toContain("secret prompt text");
      const page = await fetch(link.url, { redirect: "manual" });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`collab-${tag}`);

      // The token reaches nothing else: no other trace, no API, no other page.
      for (const path of [
        `/api/share/${link.token}/${otherTraceId}`,
        `/share/${link.token}/${otherTraceId}`,
        `/api/share/${link.token}x`,
        `/share/${link.token.slice(0, -1)}`,
      ]) {
        expect((await fetch(url(path), { redirect: "manual" })).status, path).toBe(404);
      }
      for (const path of [`/api/v1/traces/${otherTraceId}`, `/api/v1/traces/${traceId}`, "/api/v1/traces"]) {
        expect((await fetch(url(path), { headers: { authorization: `Bearer ${link.token}` } })).status, path).toBe(401);
      }

      expect((await call(`/api/v1/share/${link.token}`, as.viewer, "DELETE")).status).toBe(403);
      expect((await call(`/api/v1/share/${link.token}`, as.member2, "DELETE")).status).toBe(204);
      expect((await fetch(url(`/api/share/${link.token}`))).status).toBe(404);
      expect((await fetch(link.url, { redirect: "manual" })).status).toBe(404);
      expect((await call(`/api/v1/share/${link.token}`, as.member2, "DELETE")).status).toBe(404);

      const actions = (await auditActions()).filter((e) => e.details.linkId === link.id).map((e) => `${e.action} ${e.target}`);
      expect(actions.sort()).toEqual([`share.create ${traceId}`, `share.revoke ${traceId}`]);
    });

    it("hides content when asked, answers 404 after expiry, and refuses bad links", async () => {
      const hidden = (await (await call(`/api/v1/traces/${traceId}/share`, as.member, "POST", { expiresInHours: 1, hideContent: true })).json()) as {
        id: string;
        token: string;
      };
      const text = await (await fetch(url(`/api/share/${hidden.token}`))).text();
      expect(text).not.toContain("secret prompt text");
      expect(text).not.toContain("search timed out");
      const body = JSON.parse(text) as TraceDetail;
      expect(body.spans.map((s) => s.name).sort()).toEqual(["chat gpt-4o-mini", "execute_tool search", `collab-${tag}`].sort());

      // Time passes: the link's expiry is moved into the past in the database itself.
      const past = server.name === "sqlite" ? Date.now() - 1000 : new Date(Date.now() - 1000).toISOString();
      await withDatabase(server.databaseUrl, (sql) => sql.run(`UPDATE "share_links" SET "expiresAt" = ? WHERE "id" = ?`, [past, hidden.id]));
      expect((await fetch(url(`/api/share/${hidden.token}`))).status).toBe(404);
      expect((await fetch(url(`/share/${hidden.token}`), { redirect: "manual" })).status).toBe(404);

      for (const [body, parameter] of [
        [{ expiresInHours: 0 }, "expiresInHours"],
        [{ expiresInHours: 721 }, "expiresInHours"],
        [{ expiresInHours: 2, hideContent: "yes" }, "hideContent"],
        [{}, "expiresInHours"],
      ] as const) {
        const response = await call(`/api/v1/traces/${traceId}/share`, as.member, "POST", body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(((await response.json()) as { parameter: string }).parameter).toBe(parameter);
      }
      expect((await call(`/api/v1/traces/${"e".repeat(32)}/share`, as.member, "POST", { expiresInHours: 2 })).status).toBe(404);
    });
  });

  describe("export", () => {
    let reimportKey: Promise<Record<string, string>> | undefined;
    /** An ingest+read key of a second project, made once for the file's re-import tests. */
    const otherProjectKey = () =>
      (reimportKey ??= (async () => {
        const admin = { cookie: await signIn(server.baseUrl, server.admin.email, server.admin.password), origin: server.baseUrl, ...JSON_TYPE };
        const slug = `reimport-${tag}`;
        expect((await fetch(url("/api/v1/projects"), { method: "POST", headers: admin, body: JSON.stringify({ name: "Re-import", slug }) })).status).toBe(201);
        const created = await fetch(url(`/api/v1/projects/${slug}/api-keys`), {
          method: "POST",
          headers: admin,
          body: JSON.stringify({ name: "k", scopes: ["ingest", "read"] }),
        });
        return { authorization: `Bearer ${((await created.json()) as { key: string }).key}` };
      })());

    /** Exports `id` as OTLP JSON, posts it to the other project, and returns both projects' read API answers. */
    async function reimport(id: string): Promise<{ original: TraceDetail; copy: TraceDetail; otlp: string }> {
      const exported = await fetch(url(`/api/v1/traces/${id}/export?format=otlp-json`), { headers: key });
      expect(exported.status).toBe(200);
      expect(exported.headers.get("content-disposition")).toContain(`trace-${id}.otlp.json`);
      const otlp = await exported.text();
      const otherKey = await otherProjectKey();
      expect((await fetch(url(`/api/v1/traces/${id}`), { headers: otherKey })).status).toBe(404);
      const posted = await fetch(url("/v1/traces"), { method: "POST", headers: { ...otherKey, ...JSON_TYPE }, body: otlp });
      expect(posted.status).toBe(200);
      const original = (await (await fetch(url(`/api/v1/traces/${id}`), { headers: key })).json()) as TraceDetail;
      const copy = (await (await fetch(url(`/api/v1/traces/${id}`), { headers: otherKey })).json()) as TraceDetail;
      return { original, copy, otlp };
    }
    // Findings are worked out by a background job on each side; everything else of the summary is the same.
    const summary = ({ failureMode: _f, findingCounts: _c, ...rest }: TraceDetail["trace"]) => rest;

    it("exports OTLP JSON that another project re-imports as the same spans", async () => {
      const { original, copy } = await reimport(traceId);
      expect(copy.spans).toEqual(original.spans);
      expect(copy.spans.length).toBe(3);
      expect(summary(copy.trace)).toEqual(summary(original.trace));
    });

    it("keeps content that arrived only as OTLP log events through export and re-import", async () => {
      // @opentelemetry/instrumentation-openai sends prompts and completions only on /v1/logs.
      const run = await runEmitter<OpenAIOfficialResult>("openai-official", server);
      const { original, copy, otlp } = await reimport(run.traceId);
      const chats = run.llmCalls.map((call) => original.spans.find((s) => s.spanId === call.spanId)!);
      expect(chats.length).toBeGreaterThan(0);
      for (const chat of chats) {
        expect(chat.input).not.toBeNull();
        expect(chat.output).not.toBeNull();
      }
      expect(otlp).toContain(run.userMessage);
      expect(copy.spans).toEqual(original.spans);
      expect(summary(copy.trace)).toEqual(summary(original.trace));
    });

    it("exports our JSON, refuses bad formats and unknown traces", async () => {
      await call(`/api/v1/traces/${traceId}/tags`, as.member, "PUT", { tags: [`exported-${tag}`] });
      const json = (await (await fetch(url(`/api/v1/traces/${traceId}/export?format=json`), { headers: key })).json()) as TraceDetail & { tags: string[] };
      expect(json.trace.traceId).toBe(traceId);
      expect(json.spans).toHaveLength(3);
      expect(json.tags).toEqual([`exported-${tag}`]);
      expect((await fetch(url(`/api/v1/traces/${traceId}/export?format=xml`), { headers: key })).status).toBe(400);
      const unknown = await fetch(url(`/api/v1/traces/${"d".repeat(32)}/export?format=otlp-json`), { headers: key });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: expect.stringContaining("not found") });
    });

    it("streams the filtered list as JSONL and CSV", async () => {
      const tagged = `bulk-${tag}`;
      for (const id of [traceId, otherTraceId]) await call(`/api/v1/traces/${id}/tags`, as.member, "PUT", { tags: [tagged] });
      const jsonl = await fetch(url(`/api/v1/traces/export?tag=${tagged}&format=jsonl`), { headers: key });
      expect(jsonl.status).toBe(200);
      expect(jsonl.headers.get("content-type")).toContain("application/x-ndjson");
      const lines = (await jsonl.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as TraceDetail & { tags: string[] });
      expect(lines.map((l) => l.trace.traceId).sort()).toEqual([traceId, otherTraceId].sort());
      expect(lines.every((l) => l.spans.length === 3 && l.tags.includes(tagged))).toBe(true);

      const csv = await (await fetch(url(`/api/v1/traces/export?tag=${tagged}&format=csv`), { headers: key })).text();
      const rows = csv.trim().split("\r\n");
      expect(rows[0]).toMatch(/^traceId,name,serviceName,startTime/);
      expect(
        rows
          .slice(1)
          .map((r) => r.split(",")[0])
          .sort(),
      ).toEqual([traceId, otherTraceId].sort());
      expect((await fetch(url(`/api/v1/traces/export?format=pdf`), { headers: key })).status).toBe(400);
      expect((await fetch(url(`/api/v1/traces/export?limit=5`), { headers: key })).status).toBe(400);
    });
  });
});
