// Budgets and alerts end to end, on SQLite and PostgreSQL: rules through the API, runs with known
// costs through the real OTLP exporter, and a real webhook receiver on 127.0.0.1 that answers 500 to
// its first request. A rule must fire once (one incident, delivered after one retry), stay quiet while
// firing, resolve when the value falls back (the incident gets its end, a "resolved" notification),
// with exact values in every payload. A server of its own shows the in-server scheduler at work.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookPayload } from "@/lib/alerts/payload";
import type { IncidentView } from "@/lib/data/alerts/incidents";
import { startHindsight, type RunningServer } from "../support/hindsight-server";
import { authHeaders, forEachDatabase, type TestServer } from "./support";
import { exportTraces } from "./support/metrics-seed";

const DAY = 86_400_000;
/** Costs are sums of floats in the rollups: equal to 12 decimals. */
const close = (value: number) => expect.closeTo(value, 12);
type Received = { headers: IncomingHttpHeaders; body: WebhookPayload; raw: string; status: number };

/** A webhook receiver answering 500 to its first request and 200 to every later one. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const status = received.length === 0 ? 500 : 200;
      received.push({ headers: req.headers, body: JSON.parse(text) as WebhookPayload, raw: text, status });
      res.writeHead(status, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs of `task` starting a second apart from `startMs`, each one LLM call with a reported cost. */
function seedRuns(server: TestServer, task: string, costs: number[], startMs: number, failed = 0) {
  return exportTraces(
    server,
    costs.map((cost, i) => ({
      name: task,
      startMs: startMs + i * 1000,
      durationMs: 800,
      attributes: {},
      children: [
        {
          name: "chat",
          offsetMs: 10,
          durationMs: 500,
          attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "alert-test-model", "gen_ai.usage.cost": cost },
          isError: i < failed,
        },
      ],
    })),
  );
}

async function api<T>(server: TestServer, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}/api/v1/alerts${path}`, { ...init, headers: { ...authHeaders(server), "content-type": "application/json" } });
  return { status: response.status, body: (await response.json()) as T };
}
const post = <T>(server: TestServer, path: string, body: unknown) => api<T>(server, path, { method: "POST", body: JSON.stringify(body) });

type Rule = { id: string; state: "ok" | "firing"; enabled: boolean; threshold: number | null; driftPct: number | null; windowMinutes: number };
type Evaluated = {
  transition: string;
  notifying: boolean;
  rule: Rule;
  evaluation: { value: number; baseline: number; threshold: number; breached: boolean; runs: number; window: { from: string; to: string } };
  incident: IncidentView;
};
const evaluate = async (server: TestServer, id: string) => (await post<Evaluated>(server, `/rules/${id}/evaluate`, {})).body;
const incidentsOf = async (server: TestServer, ruleId: string, state?: string) =>
  (await api<{ data: IncidentView[] }>(server, `/incidents?${new URLSearchParams({ ruleId, ...(state ? { state } : {}) })}`)).body.data;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}
const delivered = (server: TestServer, ruleId: string, event: string) =>
  waitFor(`a delivered ${event} notification`, async () => (await incidentsOf(server, ruleId))[0]?.deliveries.find((d) => d.event === event && d.ok));

forEachDatabase((server) => {
  it("creates, reads, updates and deletes rules; a 400 names the field", async () => {
    for (const [body, field] of [
      [{ name: "x", metric: "cost_per_run" }, "threshold"],
      [{ name: "x", metric: "nope", threshold: 1 }, "metric"],
      [[], "body"],
      [{ name: "x", metric: "cost_per_run", scope: "task", threshold: 1 }, "scopeValue"],
      [{ name: "x", metric: "cost_per_run", threshold: 1, colour: "red" }, "colour"],
    ] as const) {
      const { status, body: answer } = await post<{ parameter: string }>(server, "/rules", body);
      expect([status, answer.parameter]).toEqual([400, field]);
    }
    const created = await post<Rule>(server, "/rules", { name: "p95 of everything", metric: "p95_latency_ms", threshold: 5000 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: "ok", enabled: true, windowMinutes: 60, threshold: 5000, driftPct: null });
    const id = created.body.id;
    expect((await api<{ data: Rule[] }>(server, "/rules")).body.data.map((r) => r.id)).toContain(id);
    const { webhookSecret, ...view } = created.body as Rule & { webhookSecret: string };
    expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect((await api<Rule>(server, `/rules/${id}`)).body).toEqual(view);
    const put = await api<Rule>(server, `/rules/${id}`, { method: "PUT", body: JSON.stringify({ enabled: false, threshold: null, driftPct: 20 }) });
    expect(put.body).toMatchObject({ id, enabled: false, threshold: null, driftPct: 20 });
    expect((await api<{ parameter: string }>(server, `/rules/${id}`, { method: "PUT", body: JSON.stringify({ windowMinutes: 2 }) })).body.parameter).toBe(
      "windowMinutes",
    );
    expect((await api(server, `/rules/${id}`, { method: "DELETE" })).status).toBe(200);
    for (const [method, path] of [
      ["GET", ""],
      ["DELETE", ""],
      ["POST", "/evaluate"],
    ])
      expect((await api(server, `/rules/${id}${path}`, { method })).status).toBe(404);
    expect((await api<{ parameter: string }>(server, "/incidents?state=closed")).body.parameter).toBe("state");
    expect((await fetch(`${server.baseUrl}/api/v1/alerts/rules`)).status).toBe(401);
  });

  describe("a cost-per-run rule with a webhook", () => {
    const task = `alert-task-${randomBytes(4).toString("hex")}`;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let ruleId: string;
    let secret: string;

    beforeAll(async () => {
      receiver = await startReceiver();
      await seedRuns(server, task, [0.01, 0.01, 0.01, 0.01], Date.now() - 2 * DAY); // the baseline: $0.01 per run
      // Disabled, so only this test's "evaluate now" calls run it (the shared server's scheduler skips it).
      const rule = {
        name: `cost of ${task}`,
        metric: "cost_per_run",
        scope: "task",
        scopeValue: task,
        threshold: 0.05,
        driftPct: 50,
        webhookUrl: receiver.url,
        enabled: false,
      };
      const created = (await post<Rule & { webhookSecret: string }>(server, "/rules", rule)).body;
      [ruleId, secret] = [created.id, created.webhookSecret];
    });
    afterAll(() => receiver?.close());

    it("fires once, notifies after one retry, stays quiet while firing, resolves and notifies again", async () => {
      await seedRuns(server, task, [0.03, 0.03], Date.now() - 30_000);
      const fired = await evaluate(server, ruleId);
      expect(fired).toMatchObject({
        transition: "fire",
        notifying: true,
        rule: { state: "firing" },
        evaluation: { breached: true, runs: 2 },
        incident: { state: "open", endedAt: null },
      });
      // Limit: the lower of 0.05 and 0.01 × 1.5.
      for (const [field, value] of [
        ["value", 0.03],
        ["baseline", 0.01],
        ["threshold", 0.015],
      ] as const)
        expect(fired.evaluation[field]).toBeCloseTo(value, 12);
      await delivered(server, ruleId, "firing");
      expect(receiver.received.map((r) => [r.body.state, r.status])).toEqual([
        ["firing", 500],
        ["firing", 200],
      ]);
      const firing = receiver.received[1]!;
      expect(firing.body).toEqual(receiver.received[0]!.body);
      expect(firing.headers["x-hindsight-delivery"]).toBe(`${fired.incident.id}:firing`);
      // Signed with the rule's secret over "<timestamp>.<body>", as a receiver verifies it.
      for (const { headers, raw } of receiver.received) {
        const timestamp = String(headers["x-hindsight-timestamp"]);
        expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
        expect(headers["x-hindsight-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex")}`);
      }
      expect(firing.body).toMatchObject({
        state: "firing",
        window: fired.evaluation.window,
        rule: { id: ruleId, metric: "cost_per_run", scope: "task", scopeValue: task, threshold: 0.05, driftPct: 50, windowMinutes: 60 },
        incident: { id: fired.incident.id, startedAt: fired.incident.startedAt, endedAt: null, peakValue: close(0.03) },
        value: close(0.03),
        baseline: close(0.01),
        threshold: close(0.015),
      });
      const window = `from=${encodeURIComponent(fired.evaluation.window.from)}&to=${encodeURIComponent(fired.evaluation.window.to)}`;
      expect(firing.body.links.traces).toBe(`${server.baseUrl}/projects/default/traces?name=${task}&${window}&sort=cost&order=desc`);
      expect(firing.body.links.examples).toHaveLength(2);
      expect(firing.body.links.examples.map((e) => e.url)).toEqual(fired.incident.exampleTraceIds.map((t) => `${server.baseUrl}/projects/default/traces/${t}`));

      expect((await evaluate(server, ruleId)).transition).toBe("continue");

      // Cheaper runs bring the window's cost per run to (2 × 0.03 + 6 × 0.005) / 8 = 0.01125, under 0.015.
      await seedRuns(server, task, Array<number>(6).fill(0.005), Date.now() - 20_000);
      const resolved = await evaluate(server, ruleId);
      expect(resolved).toMatchObject({ transition: "resolve", notifying: true, rule: { state: "ok" }, incident: { id: fired.incident.id, state: "resolved" } });
      await delivered(server, ruleId, "resolved");
      expect(receiver.received.map((r) => [r.body.state, r.status])).toEqual([
        ["firing", 500],
        ["firing", 200],
        ["resolved", 200],
      ]);
      const { body } = receiver.received[2]!;
      expect(body).toMatchObject({
        state: "resolved",
        incident: { id: fired.incident.id, endedAt: resolved.incident.endedAt, peakValue: close(0.03) },
        value: close(0.01125),
        baseline: close(0.01),
      });
      expect(body.incident.endedAt).not.toBeNull();

      expect((await evaluate(server, ruleId)).transition).toBe("none");
      const [incident, ...others] = await incidentsOf(server, ruleId);
      expect(others).toEqual([]);
      expect(incident).toMatchObject({
        state: "resolved",
        value: close(0.03),
        peakValue: close(0.03),
        lastValue: close(0.01125),
        baseline: close(0.01),
        startedAt: fired.incident.startedAt,
        endedAt: resolved.incident.endedAt,
        rule: { id: ruleId, scopeValue: task },
      });
      expect(incident!.exampleTraceIds).toEqual(fired.incident.exampleTraceIds);
      expect(incident!.deliveries.map((d) => [d.event, d.attempt, d.httpStatus, d.ok])).toEqual([
        ["firing", 1, 500, false],
        ["firing", 2, 200, true],
        ["resolved", 1, 200, true],
      ]);
      expect(await incidentsOf(server, ruleId, "open")).toEqual([]);
      expect(await incidentsOf(server, ruleId, "resolved")).toHaveLength(1);
    });
  });
});

describe("the in-server scheduler", () => {
  let server: RunningServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startHindsight({
      database: "sqlite",
      env: { HINDSIGHT_ALERT_INTERVAL_SECONDS: "1", HINDSIGHT_ALERT_RETRY_BASE_MS: "50", HINDSIGHT_PUBLIC_URL: "https://hindsight.example.com" },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("evaluates enabled rules on its own: fires, retries after the configured backoff, resolves", async () => {
    const task = `scheduled-${randomBytes(4).toString("hex")}`;
    const { body: rule } = await post<Rule>(server, "/rules", {
      name: "errors",
      metric: "error_rate",
      scope: "task",
      scopeValue: task,
      threshold: 0.5,
      webhookUrl: receiver.url,
    });
    await seedRuns(server, task, [0.001, 0.001], Date.now() - 10_000, 2);
    await delivered(server, rule.id, "firing");
    const firing = receiver.received.map((r) => r.body);
    expect(firing.map((p) => p.state)).toEqual(["firing", "firing"]);
    expect(firing[1]).toMatchObject({ value: 1, baseline: null, threshold: 0.5, rule: { id: rule.id } });
    expect(firing[1]!.links.traces).toMatch(new RegExp(`^https://hindsight\\.example\\.com/projects/default/traces\\?name=${task}&from=.*&status=error$`));
    await seedRuns(server, task, [0.001, 0.001, 0.001, 0.001], Date.now() - 5_000); // 2 errors in 6 runs
    await delivered(server, rule.id, "resolved");
    const [incident] = await incidentsOf(server, rule.id);
    expect(incident).toMatchObject({ state: "resolved", value: 1, lastValue: close(1 / 3), endedAt: expect.any(String) });
    const [first, second] = incident!.deliveries;
    expect(Date.parse(second!.at) - Date.parse(first!.at)).toBeGreaterThanOrEqual(50);
  });
});
