// Crash safety: the server is killed with SIGKILL (no shutdown of any kind) while several senders keep
// ingesting, with traces half stored and requests in flight, then restarted on the same database. Every
// span the server acknowledged (200) must be stored, every summary, facet and rollup must equal a
// recomputation from the stored spans, and a SQLite file must pass `PRAGMA integrity_check` as the crash
// left it. After the restart the senders resend what was not acknowledged (some of it may have been stored
// before the kill, so spans can arrive twice), as OTLP exporters do, and the totals come out exact.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isPostgresReachable, startHindsight, type Database as DatabaseKind, type RunningServer } from "../support/hindsight-server";
import { projectIdOf, withDatabase } from "../support/seed-users";
import { expectRollupsOfStoredSpans, expectSummariesOfStoredSpans } from "../unit/lib/analytics/support/stored-consistency";
import { postOtlp } from "./support";
import { agentTrace } from "./support/agent-workload";
import { request, type JsonSpan } from "./support/otlp-json";

const KILLS = 1;
const SENDERS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const spanKey = (s: JsonSpan) => `${String(s.traceId)}/${String(s.spanId)}`;

/** Requests of half a trace each (the other half comes in a later request), so traces are mid-way at every moment. */
function workload(size: number): JsonSpan[][] {
  const requests: JsonSpan[][] = [];
  for (let n = 0; n < size; n += 2) {
    const [first, second] = [agentTrace(n, 3), agentTrace(n + 1, 4)];
    const [h1, h2] = [Math.ceil(first.length / 2), Math.ceil(second.length / 2)];
    requests.push([...first.slice(0, h1), ...second.slice(0, h2)], [...first.slice(h1), ...second.slice(h2)]);
  }
  return requests;
}

/** The status of one OTLP request with its answer read whole; 0 when the connection died with the server (not acknowledged). */
async function acknowledged(server: RunningServer, spans: JsonSpan[]): Promise<number> {
  try {
    const response = await postOtlp(server, JSON.stringify(request(spans, "crash-test")), { "content-type": "application/json" });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Sends `requests` from SENDERS loops until all are acknowledged or `stop()` says so; returns what was acknowledged. */
async function ingest(server: RunningServer, requests: JsonSpan[][], acked: Set<string>, stop: () => boolean): Promise<JsonSpan[][]> {
  const left: JsonSpan[][] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const spans = requests[i]!;
        if (stop()) {
          left.push(spans);
          continue;
        }
        const status = await acknowledged(server, spans);
        if (status === 200) for (const s of spans) acked.add(spanKey(s));
        else left.push(spans);
      }
    }),
  );
  return left;
}

async function storedKeys(databaseUrl: string, projectId: string): Promise<Set<string>> {
  const rows = await withDatabase(databaseUrl, (sql) =>
    sql.query(`SELECT "traceId", "spanId" FROM "spans" WHERE "projectId" = ? AND "serviceName" = 'crash-test'`, [projectId]),
  );
  return new Set(rows.map((r) => `${String(r.traceId)}/${String(r.spanId)}`));
}

async function expectConsistent(databaseUrl: string, projectId: string): Promise<void> {
  await withDatabase(databaseUrl, async (sql) => {
    await expectSummariesOfStoredSpans(sql, projectId);
    await expectRollupsOfStoredSpans(sql, projectId);
  });
}

const databases: DatabaseKind[] = (await isPostgresReachable()) ? ["sqlite", "postgres"] : ["sqlite"];

describe.each(databases)("SIGKILL during sustained ingest on %s", (database) => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop(); // the first one owns (and drops) the database
  });

  it("loses no acknowledged span, keeps summaries and rollups exact, and leaves a sound database", async () => {
    let server = await startHindsight({ database });
    servers.push(server);
    const projectId = await projectIdOf(server, "default");
    const acked = new Set<string>();
    let pending = workload(40);
    const all = pending.flat();
    for (let kill = 0; kill < KILLS; kill++) {
      let killed = false;
      const before = acked.size;
      let done = false;
      const sending = ingest(server, pending, acked, () => killed).finally(() => (done = true));
      // Kill once this round's ingest is well under way (spans acknowledged, requests in flight).
      while (acked.size < before + 150 && !done) await sleep(20);
      await server.kill();
      killed = true;
      pending = await sending;
      expect(pending.length).toBeGreaterThan(0);

      if (database === "sqlite") {
        const db = new Database(server.databaseUrl.slice("file:".length)); // recovers the WAL as the next start would
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        db.close();
      }
      const stored = await storedKeys(server.databaseUrl, projectId);
      expect([...acked].filter((key) => !stored.has(key))).toEqual([]);
      await expectConsistent(server.databaseUrl, projectId);

      server = await startHindsight({ database, databaseUrl: server.databaseUrl, apiKey: server.apiKey });
      servers.push(server);
    }
    // The rest, and everything that was not acknowledged, resent to the restarted server.
    expect(await ingest(server, pending, acked, () => false)).toEqual([]);
    const stored = await storedKeys(server.databaseUrl, projectId);
    expect(stored.size).toBe(new Set(all.map(spanKey)).size);
    await expectConsistent(server.databaseUrl, projectId);
  }, 150_000);
});
