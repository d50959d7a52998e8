// Background jobs on their own servers (one on SQLite; two on one PostgreSQL database, as behind a load
// balancer): the retention job runs under its job lease on one server of the cluster; finished alert
// notifications leave the outbox in batches after their grace period (here 0 hours) while the incident
// keeps its record of the delivery; and a clean stop (SIGTERM) gives the stopping server's leases up,
// so another server takes over at its next round rather than once they expired (a minute here).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { deleteFinishedNotifications } from "@/lib/data/alerts/alert-outbox";
import { projectScope } from "@/lib/data/scope";
import { openPostgres } from "@/lib/db/postgres";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { isPostgresReachable, startHindsight, type Database, type RunningServer } from "../support/hindsight-server";
import { projectIdOf, withDatabase } from "../support/seed-users";
import { authHeaders, postOtlp } from "./support";
import { hex, request, span } from "./support/otlp-json";

const JSON_HEADERS = { "content-type": "application/json" };
const LEASES = { alerts: "alerts.evaluate", lifecycle: "lifecycle.retention" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A webhook receiver that accepts everything and counts what it received. */
async function startReceiver() {
  const deliveries: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      deliveries.push(String(req.headers["x-hindsight-delivery"]));
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries, close };
}

/** Runs `fn` with the data layer's connection (getSql) on the servers' database. */
async function withDataLayer<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const connections = globalThis as unknown as { hindsightSql?: Sql };
  connections.hindsightSql = databaseUrl.startsWith("file:") ? openSqlite(databaseUrl.slice("file:".length), "NORMAL") : openPostgres(databaseUrl, 2);
  try {
    return await fn();
  } finally {
    await connections.hindsightSql.close();
    connections.hindsightSql = undefined;
  }
}

const databases: Database[] = (await isPostgresReachable()) ? ["sqlite", "postgres"] : ["sqlite"];

describe.each(databases)("background jobs on %s", (database) => {
  const servers: RunningServer[] = [];
  const nodes = database === "postgres" ? ["node-a", "node-b"] : ["node-a"];
  const env = (node: string) => ({
    HINDSIGHT_NODE_ID: node,
    HINDSIGHT_ALERT_INTERVAL_SECONDS: "1",
    HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS: "1",
    HINDSIGHT_OUTBOX_KEEP_HOURS: "0",
  });
  const leases = (databaseUrl: string) =>
    withDatabase(databaseUrl, async (sql) => {
      const rows = await sql.query(`SELECT "name", "holder" FROM "job_leases" WHERE "name" IN (?, ?)`, [LEASES.alerts, LEASES.lifecycle]);
      return new Map(rows.map((r) => [String(r.name), String(r.holder)]));
    });
  const serverOf = (holder: string) => servers[nodes.findIndex((node) => holder.startsWith(`${node}#`))]!;

  beforeAll(async () => {
    const first = await startHindsight({ database, env: env(nodes[0]!) });
    servers.push(first);
    for (const node of nodes.slice(1)) servers.push(await startHindsight({ database, databaseUrl: first.databaseUrl, apiKey: first.apiKey, env: env(node) }));
  }, 180_000);
  afterAll(async () => {
    for (const server of [...servers].reverse()) await server.stop(); // the first one owns (and drops) the database
  });

  it("runs the retention job under its lease, on one server of the cluster", async () => {
    const held = await waitFor("both job leases held", async () => {
      const found = await leases(servers[0]!.databaseUrl);
      return found.size === 2 ? found : undefined;
    });
    const leader = serverOf(held.get(LEASES.lifecycle)!);
    expect(leader).toBeDefined();
    // The lease row is written before the log line reaches this process through the pipe.
    await waitFor("the holder's log", () => (leader.output().includes("now runs retention purges") ? true : undefined));
    // Only the holder ever ran the retention work: the others never logged taking it.
    expect(servers.filter((s) => s.output().includes("now runs retention purges"))).toEqual([leader]);
  });

  it("purges retention only on the holder of the lifecycle lease", async () => {
    const server = servers[0]!;
    const setLease = (text: string) => withDatabase(server.databaseUrl, (sql) => sql.run(text, [LEASES.lifecycle]));
    const leader = serverOf((await leases(server.databaseUrl)).get(LEASES.lifecycle)!);
    // Another process holds the lease for ten minutes: no server of the cluster may purge.
    expect(await setLease(`UPDATE "job_leases" SET "holder" = 'elsewhere#test', "expiresMs" = "expiresMs" + 600000 WHERE "name" = ?`)).toBe(1);
    onTestFinished(() => setLease(`DELETE FROM "job_leases" WHERE "name" = ? AND "holder" = 'elsewhere#test'`).then(() => undefined));
    const traceId = hex(16);
    const DAY = 86_400_000;
    const sent = await postOtlp(server, JSON.stringify(request([span(traceId, hex(8), "", "expired run", -60 * DAY, -60 * DAY + 1000)])), JSON_HEADERS);
    expect(sent.status).toBe(200);
    const status = async () => (await fetch(`${server.baseUrl}/api/v1/traces/${traceId}`, { headers: authHeaders(server) })).status;
    expect(await status()).toBe(200);
    const patched = await fetch(`${server.baseUrl}/api/v1/projects/default`, {
      method: "PATCH",
      headers: { ...authHeaders(server), ...JSON_HEADERS },
      body: JSON.stringify({ retentionDays: 30 }),
    });
    expect(patched.status).toBe(200);
    await waitFor("the holder refused the lease", () => (leader.output().includes("no longer runs retention purges") ? true : undefined));
    await sleep(2500); // rounds that would have purged it (one a second, and one at once for the change)
    expect(await status()).toBe(200);

    // The lease given back: a server of the cluster takes it at its next round and purges.
    expect(await setLease(`DELETE FROM "job_leases" WHERE "name" = ?`)).toBe(1);
    await waitFor("the expired trace purged", async () => ((await status()) === 404 ? true : undefined));
  });

  it("deletes delivered and given-up notifications after the grace period, a batch at a time, and nothing else", async () => {
    const scope = projectScope(`outbox-${randomUUID()}`);
    const other = projectScope(`outbox-${randomUUID()}`);
    const HOUR = 3_600_000;
    await withDataLayer(servers[0]!.databaseUrl, async () => {
      await withDatabase(servers[0]!.databaseUrl, async (sql) => {
        const nowMs = Date.now();
        const rows: [string, string, string, number][] = [
          [scope.projectId, "d1", "delivered", 2 * HOUR],
          [scope.projectId, "d2", "delivered", 3 * HOUR],
          [scope.projectId, "d3", "delivered", 4 * HOUR],
          [scope.projectId, "f1", "failed", 2 * HOUR],
          [scope.projectId, "young", "delivered", HOUR / 6],
          [scope.projectId, "due", "pending", 2 * HOUR],
          [scope.projectId, "held", "claimed", 2 * HOUR],
          [other.projectId, "d1", "delivered", 2 * HOUR],
        ];
        for (const [projectId, id, state, ageMs] of rows) {
          const at = BigInt(nowMs - ageMs);
          await sql.run(
            `INSERT INTO "alert_outbox" ("projectId", "id", "ruleId", "incidentId", "event", "url", "payload", "state", "attempts", "nextAttemptMs", "claimedBy", "lastError", "createdMs", "updatedMs")
             VALUES (?, ?, 'r', 'i', 'firing', 'http://hook.test/', '{}', ?, 1, ?, NULL, NULL, ?, ?)`,
            [projectId, id, state, at, at, at],
          );
        }
      });
      expect(await deleteFinishedNotifications(scope, HOUR, 3)).toBe(3);
      expect(await deleteFinishedNotifications(scope, HOUR, 3)).toBe(1);
      expect(await deleteFinishedNotifications(scope, HOUR, 3)).toBe(0);
    });
    const left = await withDatabase(servers[0]!.databaseUrl, (sql) =>
      sql.query(`SELECT "projectId", "id" FROM "alert_outbox" WHERE "projectId" IN (?, ?) ORDER BY "projectId" = ?, "id"`, [
        scope.projectId,
        other.projectId,
        other.projectId,
      ]),
    );
    expect(left.map((r) => `${r.projectId === other.projectId ? "other" : "this"}/${String(r.id)}`)).toEqual([
      "this/due",
      "this/held",
      "this/young",
      "other/d1",
    ]);
  });

  it("purges a delivered notification from the outbox through the lifecycle job; the incident keeps its delivery", async () => {
    const server = servers[0]!;
    const receiver = await startReceiver();
    try {
      const task = `outbox-purge-${hex(4)}`;
      const created = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, {
        method: "POST",
        headers: { ...authHeaders(server), ...JSON_HEADERS },
        body: JSON.stringify({ name: "errors", metric: "error_rate", scope: "task", scopeValue: task, threshold: 0.5, webhookUrl: receiver.url }),
      });
      expect(created.status).toBe(201);
      const ruleId = ((await created.json()) as { id: string }).id;
      const failing = () => span(hex(16), hex(8), "", task, -5000, -4000, {}, { code: 2, message: "failed" });
      const sent = await postOtlp(server, JSON.stringify(request([failing(), failing()])), JSON_HEADERS);
      expect(sent.status).toBe(200);

      await waitFor("the firing notification", () => (receiver.deliveries.length > 0 ? true : undefined));
      const projectId = await projectIdOf(server, "default");
      const outboxRows = () =>
        withDatabase(server.databaseUrl, (sql) => sql.query(`SELECT "state" FROM "alert_outbox" WHERE "projectId" = ? AND "ruleId" = ?`, [projectId, ruleId]));
      await waitFor("the delivered notification purged", async () => ((await outboxRows()).length === 0 ? true : undefined));

      const incidents = await fetch(`${server.baseUrl}/api/v1/alerts/incidents?ruleId=${ruleId}`, { headers: authHeaders(server) });
      const { data } = (await incidents.json()) as { data: { deliveries: { event: string; ok: boolean }[] }[] };
      expect(data.map((i) => i.deliveries.map((d) => [d.event, d.ok]))).toEqual([[["firing", true]]]);
      expect(receiver.deliveries).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("gives the stopping server's leases up on SIGTERM, so another takes over at once", async () => {
    const held = await leases(servers[0]!.databaseUrl);
    const leader = serverOf(held.get(LEASES.lifecycle)!);
    const prefix = `${nodes[servers.indexOf(leader)]}#`;
    await leader.terminate();
    const after = await leases(servers[0]!.databaseUrl);
    expect([...after.values()].filter((holder) => holder.startsWith(prefix))).toEqual([]);
    expect(leader.output()).toMatch(/stopping \(SIGTERM\): gave up [12] job lease\(s\)/);
    const survivor = servers.find((s) => s !== leader);
    if (survivor) {
      // The lifecycle lease lasts a minute; the survivor asks every second, and gets it only if it was given up.
      const taken = await waitFor("the survivor taking the lifecycle lease", async () => {
        const holder = (await leases(servers[0]!.databaseUrl)).get(LEASES.lifecycle);
        return holder && !holder.startsWith(prefix) ? holder : undefined;
      });
      expect(serverOf(taken)).toBe(survivor);
    }
  });
});
