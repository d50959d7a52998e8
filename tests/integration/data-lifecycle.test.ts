// Deleting data and retention on the real databases, through the HTTP API. Deletion: one project
// receives the kept traces plus the ones to delete, a twin project receives only the kept ones; after
// deleting one trace by id and every trace of one end user, the first project's metrics equal the
// twin's, and nothing of the deleted traces is left in any attached table. Retention: expired traces
// (one longer than a purge batch) go in batches with everything attached, recent ones stay, and the
// rollups keep the purged traces' history.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { withDatabase } from "../support/seed-users";
import { signIn } from "../support/sign-in";
import { forEachDatabase, type TestServer } from "./support";
import {
  agentTrace,
  allMetrics,
  expectSameGraph,
  expectSameMetrics,
  pipelineGraph,
  sendTraces,
  storedRows,
  tracesOver,
  type SeededTrace,
} from "./support/lifecycle-seed";
import { HOUR, randomBaseHour } from "./support/metrics-seed";

const json = { "content-type": "application/json" };

/** Creates a project with an all-scopes key as the instance admin; returns its slug and key. */
async function newProject(server: TestServer, prefix: string): Promise<{ slug: string; key: string }> {
  const cookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
  const slug = `${prefix}-${randomBytes(3).toString("hex")}`;
  const headers = { cookie, origin: server.baseUrl, ...json };
  expect((await fetch(`${server.baseUrl}/api/v1/projects`, { method: "POST", headers, body: JSON.stringify({ name: prefix, slug }) })).status).toBe(201);
  const created = await fetch(`${server.baseUrl}/api/v1/projects/${slug}/api-keys`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name: "all", scopes: ["ingest", "read", "write", "admin"] }),
  });
  return { slug, key: ((await created.json()) as { key: string }).key };
}

const call = (server: TestServer, key: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...json },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function waitFor<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const ids = (traces: readonly SeededTrace[]) => traces.map((t) => t.traceId);

forEachDatabase((server) => {
  const base = randomBaseHour();
  // Whole days at 1d, and few enough minutes at 1m (the API refuses more than 1,500 buckets).
  const window = [base - HOUR, base + 4 * HOUR] as const;
  let full: { slug: string; key: string };
  let twin: { slug: string; key: string };
  const kept = tracesOver(base, ["ana", "bo", "chen"], 60);
  const ofDoomedUser = tracesOver(base, ["doomed-user"], 25);
  const single = agentTrace(base + HOUR + 17, "ana");

  beforeAll(async () => {
    [full, twin] = [await newProject(server, "lifecycle"), await newProject(server, "lifecycle-twin")];
    await sendTraces(server, full.key, [...kept, ...ofDoomedUser, single]);
    await sendTraces(server, twin.key, kept);
  }, 120_000);

  it("refuses bad deletion input with a clear 4xx and changes nothing", async () => {
    // The findings job fills its own tables in the background meanwhile: compare the others.
    const ingested = async () => {
      const {
        findings_queue: _queue,
        trace_analyses: _analyses,
        trace_findings: _findings,
        ...rest
      } = await storedRows(server, [...ids(ofDoomedUser), single.traceId]);
      return rest;
    };
    const before = await ingested();
    for (const [method, path, body, status, parameter] of [
      ["DELETE", `/api/v1/traces/${randomBytes(16).toString("hex")}`, undefined, 404, undefined],
      ["DELETE", "/api/v1/traces/not-a-trace", undefined, 400, "traceId"],
      ["POST", "/api/v1/deletions", {}, 400, "userId"],
      ["POST", "/api/v1/deletions", { userId: "" }, 400, "userId"],
      ["POST", "/api/v1/deletions", { userId: "   " }, 400, "userId"],
      ["POST", "/api/v1/deletions", { userId: 42 }, 400, "userId"],
      ["POST", "/api/v1/deletions", { userId: "doomed-user", extra: 1 }, 400, undefined],
      ["GET", "/api/v1/deletions/not-an-id", undefined, 400, "id"],
      ["GET", `/api/v1/deletions/${randomUUID()}`, undefined, 404, undefined],
    ] as const) {
      const response = await call(server, full.key, method, path, body);
      const answer = (await response.json()) as { error: string; parameter?: string };
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.error).toBeTruthy();
      if (parameter) expect(answer.parameter).toBe(parameter);
    }
    // A key of another project cannot delete or follow this project's data.
    expect((await call(server, twin.key, "DELETE", `/api/v1/traces/${single.traceId}`)).status).toBe(404);
    expect(await ingested()).toEqual(before);
  });

  it("deletes one trace and one end user's traces with everything attached, and corrects the rollups exactly", async () => {
    const twinMetrics = await allMetrics(server, twin.key, ...window);
    const twinGraph = await pipelineGraph(server, twin.key, ...window);
    expect(twinGraph.edges.length).toBeGreaterThan(0);
    const fullGraphBefore = await pipelineGraph(server, full.key, ...window);
    expect(() => expectSameGraph(fullGraphBefore, twinGraph)).toThrow();
    // Before: the deleted traces are counted, so the two projects differ.
    const fullBefore = await allMetrics(server, full.key, ...window);
    expect(() => expectSameMetrics(fullBefore, twinMetrics)).toThrow();
    const doomedIds = [...ids(ofDoomedUser), single.traceId];
    expect((await storedRows(server, doomedIds)).spans).toBeGreaterThan(0);
    expect((await storedRows(server, doomedIds)).span_logs).toBe(doomedIds.length);

    expect((await call(server, full.key, "DELETE", `/api/v1/traces/${single.traceId}`)).status).toBe(204);
    expect((await call(server, full.key, "GET", `/api/v1/traces/${single.traceId}`)).status).toBe(404);
    expect((await call(server, full.key, "DELETE", `/api/v1/traces/${single.traceId}`)).status).toBe(404);

    const posted = await call(server, full.key, "POST", "/api/v1/deletions", { userId: "doomed-user" });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    const done = await waitFor("the deletion to finish", async () => {
      const status = (await (await call(server, full.key, "GET", `/api/v1/deletions/${id}`)).json()) as { status: string; traces: number };
      return status.status === "done" ? status : null;
    });
    expect(done.traces).toBe(ofDoomedUser.length);

    expect(
      Object.values(await storedRows(server, doomedIds)).every((n) => n === 0),
      JSON.stringify(await storedRows(server, doomedIds)),
    ).toBe(true);
    expectSameMetrics(await allMetrics(server, full.key, ...window), twinMetrics);
    expectSameGraph(await pipelineGraph(server, full.key, ...window), twinGraph);
    for (const t of kept.slice(0, 3)) expect((await call(server, full.key, "GET", `/api/v1/traces/${t.traceId}`)).status).toBe(200);

    const audit = (await (await call(server, full.key, "GET", `/api/v1/projects/${full.slug}/audit-log`)).json()) as {
      data: { action: string; target: string | null; details: Record<string, unknown> }[];
    };
    expect(audit.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "trace.delete", target: single.traceId }),
        expect.objectContaining({ action: "deletion.request", target: id, details: expect.objectContaining({ userId: "doomed-user" }) }),
      ]),
    );
  });

  it("purges expired traces in batches with everything attached, keeps recent ones and the rollups", async () => {
    const project = await newProject(server, "retention");
    const old = [...tracesOver(base, ["ana", "bo"], 30), agentTrace(base + 5, "bo", 120)]; // one trace longer than a purge batch
    const recent = tracesOver(Date.now() - 3 * HOUR, ["ana"], 5);
    await sendTraces(server, project.key, [...old, ...recent]);
    const history = await allMetrics(server, project.key, ...window);

    const patched = await call(server, project.key, "PATCH", `/api/v1/projects/${project.slug}`, { retentionDays: 30 });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ retentionDays: 30 });
    await waitFor("the purge", async () => ((await storedRows(server, ids(old))).traces === 0 ? true : null));

    expect(
      Object.values(await storedRows(server, ids(old))).every((n) => n === 0),
      JSON.stringify(await storedRows(server, ids(old))),
    ).toBe(true);
    const left = await storedRows(server, ids(recent));
    expect(left.traces).toBe(recent.length);
    expect(left.spans).toBe(recent.reduce((n, t) => n + t.spans.length, 0));
    expectSameMetrics(await allMetrics(server, project.key, ...window), history);

    const audit = (await (await call(server, project.key, "GET", `/api/v1/projects/${project.slug}/audit-log`)).json()) as { data: { action: string }[] };
    expect(audit.data.map((e) => e.action)).toContain("project.retention_change");
    if (server.name === "sqlite")
      await withDatabase(server.databaseUrl, async (sql) => {
        const [mode] = await sql.query("PRAGMA auto_vacuum");
        expect(Number(mode?.auto_vacuum)).toBe(2); // incremental: the purge hands free pages back to the file system
      });
  }, 120_000);
});
