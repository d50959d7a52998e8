// The project's loop threshold (PATCH /api/v1/projects/{slug}) re-analyses its recent traces, and the
// alert metrics loop_rate and wasted_cost_per_hour measure findings, on SQLite and PostgreSQL, with runs
// sent through the real OTLP exporter a few minutes ago (alert windows end now).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { authHeaders, forEachDatabase, type TestServer } from "./support";
import { expectFindings, findingsOf } from "./support/retro-api";
import { agent, chat, sendRun, tool, type SentRun } from "./support/retro-seed";

async function patchProject(server: TestServer, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/api/v1/projects/default`, {
    method: "PATCH",
    headers: { ...authHeaders(server), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function post<T>(server: TestServer, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method: "POST",
    headers: { ...authHeaders(server), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A run of `task` with `calls` identical lookup_order calls, each asked for by an LLM call of 0.125 USD. */
const loopRun = (task: string, calls: number) =>
  agent(
    "root",
    "support",
    0,
    calls * 1000 + 500,
    Array.from({ length: calls }, (_, i) => [chat(`c${i}`, i * 1000, 200, 0.125), tool(`t${i}`, "lookup_order", i * 1000 + 300, 100, { id: "A-1" })]).flat(),
    { name: task },
  );

forEachDatabase((server: TestServer) => {
  const task = `alert-loops-${randomBytes(4).toString("hex")}`;
  let looping: SentRun;

  beforeAll(async () => {
    const start = Date.now() - 5 * 60_000;
    looping = await sendRun(server, start, loopRun(task, 3));
    await sendRun(server, start + 1000, loopRun(task, 1));
  });

  afterAll(async () => {
    await patchProject(server, { loopThreshold: 3 });
  });

  it("measures loop_rate (share of runs with a tool loop) and wasted_cost_per_hour for a task", async () => {
    await expect.poll(() => findingsOf(server, looping.traceId).then((f) => f.length), { timeout: 20_000 }).toBe(1);
    type Evaluated = { evaluation: { value: number; runs: number; breached: boolean } };
    const rule = (metric: string, threshold: number) =>
      post<{ id: string }>(server, "/alerts/rules", { name: `${metric} ${task}`, metric, scope: "task", scopeValue: task, threshold, enabled: false });
    const loopRate = await rule("loop_rate", 0.4);
    const wasted = await rule("wasted_cost_per_hour", 0.1);
    const loopEvaluation = await post<Evaluated>(server, `/alerts/rules/${loopRate.id}/evaluate`, {});
    expect(loopEvaluation.evaluation).toMatchObject({ value: 0.5, runs: 2, breached: true });
    const wastedEvaluation = await post<Evaluated>(server, `/alerts/rules/${wasted.id}/evaluate`, {});
    expect(wastedEvaluation.evaluation).toMatchObject({ value: 0.25, breached: true });
    const refused = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, {
      method: "POST",
      headers: { ...authHeaders(server), "content-type": "application/json" },
      body: JSON.stringify({ name: "too high", metric: "loop_rate", threshold: 5 }),
    });
    expect(refused.status).toBe(400);
  });

  it("re-analyses the project's recent traces when its loop threshold changes", async () => {
    const raised = await patchProject(server, { loopThreshold: 4 });
    expect(raised.status).toBe(200);
    expect(raised.body.loopThreshold).toBe(4);
    await expectFindings(server, looping.traceId, []);
    expect((await patchProject(server, { loopThreshold: 3 })).body.loopThreshold).toBe(3);
    await expect.poll(() => findingsOf(server, looping.traceId).then((f) => f.map((x) => x.count)), { timeout: 20_000 }).toEqual([3]);
    const refused = await patchProject(server, { loopThreshold: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.parameter).toBe("loopThreshold");
  });
});
