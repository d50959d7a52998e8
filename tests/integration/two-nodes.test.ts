// Two real servers on one PostgreSQL database, as behind a load balancer. The spans of every trace go
// half to one server and half to the other, concurrently (some to both), and the stored summaries, facets
// and rollups must equal exactly a recomputation from the stored spans. Alert evaluation runs on one
// server at a time (job lease); a notification is delivered once per incident even when the server that
// holds it is killed mid-delivery: the other one sends it when the claim runs out.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireJobLease } from "@/lib/data/jobs/job-leases";
import { openPostgres } from "@/lib/db/postgres";
import type { Sql } from "@/lib/db/sql";
import { isPostgresReachable, startHindsight, type RunningServer } from "../support/hindsight-server";
import { projectIdOf } from "../support/seed-users";
import { expectRollupsOfStoredSpans, expectSummariesOfStoredSpans } from "../unit/lib/analytics/support/stored-consistency";
import { authHeaders, getTrace, postOtlp } from "./support";
import { agentTrace, bodies, inParallel } from "./support/agent-workload";
import { hex, request, span, type JsonSpan } from "./support/otlp-json";

const JSON_HEADERS = { "content-type": "application/json" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A webhook receiver that leaves its first request unanswered (the sender dies holding it) and accepts every later one. */
async function startReceiver() {
  const requests: { delivery: string; answered: boolean }[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on("end", () => {
      const delivery = String(req.headers["x-hindsight-delivery"]);
      const hold = requests.length === 0;
      requests.push({ delivery, answered: !hold });
      if (hold) held.push(res);
      else res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}/hook`, requests, close };
}

describe.runIf(await isPostgresReachable())("two servers on one PostgreSQL", () => {
  let a: RunningServer;
  let b: RunningServer;
  let sql: Sql;
  let projectId: string;
  const env = (node: string) => ({ HINDSIGHT_NODE_ID: node, HINDSIGHT_ALERT_INTERVAL_SECONDS: "1", HINDSIGHT_ALERT_RETRY_BASE_MS: "300" });

  beforeAll(async () => {
    a = await startHindsight({ database: "postgres", env: env("node-a") });
    b = await startHindsight({ database: "postgres", databaseUrl: a.databaseUrl, apiKey: a.apiKey, env: env("node-b") });
    sql = openPostgres(a.databaseUrl, 2);
    projectId = await projectIdOf(a, "default");
  }, 180_000);
  afterAll(async () => {
    await sql?.close();
    await b?.stop();
    await a?.stop(); // drops the database
  });

  const send = (server: RunningServer, body: string) => async () => {
    const response = await postOtlp(server, body, JSON_HEADERS);
    expect(response.status, await response.text()).toBe(200);
  };

  it("gives a job lease to exactly one of many processes asking at once", async () => {
    // The lease functions use the process's connection; here, a pool of 8 on the cluster's database.
    const connections = globalThis as unknown as { hindsightSql?: Sql };
    connections.hindsightSql = openPostgres(a.databaseUrl, 8);
    try {
      for (let round = 0; round < 20; round++) {
        const won = await Promise.all(Array.from({ length: 16 }, (_, i) => acquireJobLease(`race.${round}`, `holder-${i}`, 60_000)));
        expect(won.filter(Boolean)).toHaveLength(1);
      }
    } finally {
      await connections.hindsightSql.close();
      connections.hindsightSql = undefined;
    }
  });

  it("keeps summaries, facets and rollups exact when each trace's spans reach both servers at once", async () => {
    const traces = Array.from({ length: 40 }, (_, n) => agentTrace(n, 3 + (n % 4)));
    const toA: JsonSpan[] = [];
    const toB: JsonSpan[] = [];
    for (const [n, spans] of traces.entries()) {
      const half = Math.ceil(spans.length / 2);
      toA.push(...spans.slice(0, half));
      toB.push(...spans.slice(half));
      // Re-sent: one span of every third trace reaches the other server too.
      if (n % 3 === 0) toB.push(spans[0]!);
    }
    // Small requests, many in flight on each server: commits of one trace interleave across the servers.
    const tasks = [...bodies(toA, 7).map((body) => send(a, body)), ...bodies(toB, 7).map((body) => send(b, body))];
    const interleaved = tasks.map((_, i) => tasks[i % 2 === 0 ? i / 2 : Math.floor(tasks.length / 2) + (i - 1) / 2]!);
    await inParallel(interleaved, 8);

    const spanCount = traces.reduce((sum, spans) => sum + spans.length, 0);
    const [stored] = await sql.query(`SELECT COUNT(*) AS "n" FROM "spans" WHERE "projectId" = ? AND "serviceName" = 'cluster-test'`, [projectId]);
    expect(Number(stored!.n)).toBe(spanCount);
    // Every summary row, facet and rollup equals a from-scratch recomputation over the stored spans.
    expect(await expectSummariesOfStoredSpans(sql, projectId)).toBeGreaterThanOrEqual(traces.length);
    await expectRollupsOfStoredSpans(sql, projectId);
    // Both servers read the same trace.
    const traceId = String(traces[5]![0]!.traceId);
    expect((await getTrace(b, traceId)).trace).toEqual((await getTrace(a, traceId)).trace);
  }, 60_000);

  it("evaluates alerts on one server; a notification held by a killed server is sent once by the other", async () => {
    const receiver = await startReceiver();
    try {
      const leaseHolder = async () => (await sql.query(`SELECT "holder" FROM "job_leases" WHERE "name" = 'alerts.evaluate'`))[0]?.holder as string | undefined;
      const leader = await waitFor("an alert lease holder", leaseHolder);
      const evaluators = [a, b].filter((s) => s.output().includes("now evaluates alert rules"));
      expect(evaluators).toHaveLength(1);
      expect(leader.startsWith(evaluators[0] === a ? "node-a#" : "node-b#")).toBe(true);

      const task = `cluster-alert-${hex(4)}`;
      const created = await fetch(`${a.baseUrl}/api/v1/alerts/rules`, {
        method: "POST",
        headers: { ...authHeaders(a), ...JSON_HEADERS },
        body: JSON.stringify({ name: "errors", metric: "error_rate", scope: "task", scopeValue: task, threshold: 0.5, webhookUrl: receiver.url }),
      });
      expect(created.status).toBe(201);
      const ruleId = ((await created.json()) as { id: string }).id;
      const runs = (count: number, failing: boolean) =>
        Array.from({ length: count }, () => span(hex(16), hex(8), "", task, -5000, -4000, {}, failing ? { code: 2, message: "failed" } : { code: 1 }));
      await send(a, JSON.stringify(request(runs(1, true))))();
      await send(b, JSON.stringify(request(runs(1, true))))();

      // The first attempt is held by the receiver; the server that claimed it is killed while it waits.
      await waitFor("the first firing request", () => (receiver.requests.length > 0 ? true : undefined));
      const [claim] = await sql.query(`SELECT "claimedBy", "incidentId" FROM "alert_outbox" WHERE "projectId" = ? AND "ruleId" = ?`, [projectId, ruleId]);
      const owner = String(claim!.claimedBy).startsWith("node-a#") ? a : b;
      const survivor = owner === a ? b : a;
      await owner.kill();

      // The survivor sends it once the claim ran out, and takes the evaluations over if the owner led them.
      await waitFor("the firing notification delivered", () => (receiver.requests.some((r) => r.answered) ? true : undefined), 40_000);
      expect(survivor.output()).toContain("now evaluates alert rules");
      await send(survivor, JSON.stringify(request(runs(6, false))))(); // 2 failures in 8 runs: resolved
      await waitFor("the resolved notification", () => (receiver.requests.some((r) => r.delivery.endsWith(":resolved")) ? true : undefined), 20_000);
      await sleep(1500); // a duplicate would arrive within a poll or two

      const incidentId = String(claim!.incidentId);
      expect(receiver.requests).toEqual([
        { delivery: `${incidentId}:firing`, answered: false },
        { delivery: `${incidentId}:firing`, answered: true },
        { delivery: `${incidentId}:resolved`, answered: true },
      ]);
      const outbox = await sql.query(`SELECT "event", "state", "attempts" FROM "alert_outbox" WHERE "projectId" = ? AND "ruleId" = ? ORDER BY "createdMs"`, [
        projectId,
        ruleId,
      ]);
      expect(outbox.map((r) => [r.event, r.state, Number(r.attempts)])).toEqual([
        ["firing", "delivered", 2],
        ["resolved", "delivered", 1],
      ]);
      const incidents = await fetch(`${survivor.baseUrl}/api/v1/alerts/incidents?ruleId=${ruleId}`, { headers: authHeaders(survivor) });
      const { data } = (await incidents.json()) as { data: { id: string; state: string; deliveries: { event: string; ok: boolean }[] }[] };
      expect(data.map((i) => [i.id, i.state])).toEqual([[incidentId, "resolved"]]);
      // The killed server never recorded its attempt; the survivor recorded its own.
      expect(data[0]!.deliveries.map((d) => [d.event, d.ok])).toEqual([
        ["firing", true],
        ["resolved", true],
      ]);
    } finally {
      await receiver.close();
    }
  }, 90_000);
});
