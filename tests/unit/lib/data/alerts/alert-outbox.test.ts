// The alert outbox on a real (temporary, migrated) SQLite database: a queued notification is claimed by
// one holder at a time, carries its rule's secret, is claimable again when its claim ran out (the
// holder died), counts every claim as an attempt, and only the current claim may record the outcome.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDueNotifications, enqueueNotification, finishAttempt } from "@/lib/data/alerts/alert-outbox";
import { projectScope } from "@/lib/data/scope";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { applyMigrations } from "../../../support/migrated-sqlite";

const globalForConnections = globalThis as unknown as { hindsightSql?: Sql };
const scope = projectScope("p-outbox");
const attempt = (n: number, ok: boolean) => ({ attempt: n, httpStatus: ok ? 200 : null, ok, error: ok ? null : "timed out", atMs: Date.now(), durationMs: 3 });

describe("alert outbox", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-outbox-"));
  let sql: Sql;
  beforeAll(async () => {
    sql = globalForConnections.hindsightSql = openSqlite(path.join(dir, "outbox.db"), "NORMAL");
    await applyMigrations(sql);
    await sql.run(
      `INSERT INTO "alert_rules" ("id", "projectId", "name", "metric", "scope", "windowMinutes", "minRuns", "webhookUrl", "webhookSecret", "enabled", "createdMs", "updatedMs")
       VALUES ('r1', ?, 'rule', 'error_rate', 'all', 60, 1, 'http://hook.test/', 'whsec_1', 1, 0, 0)`,
      [scope.projectId],
    );
    await sql.run(
      `INSERT INTO "alert_incidents" ("id", "projectId", "ruleId", "state", "startMs", "startValue", "threshold", "peakValue", "lastValue", "exampleTraceIds")
       VALUES ('i1', ?, 'r1', 'open', 0, 1, 0.5, 1, 1, '[]')`,
      [scope.projectId],
    );
  });
  afterAll(async () => {
    await sql.close();
    globalForConnections.hindsightSql = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("hands a notification to one holder, again after its claim ran out, and lets only the current claim finish it", async () => {
    await sql.transaction((tx) =>
      enqueueNotification(tx, scope.projectId, { ruleId: "r1", incidentId: "i1", event: "firing", url: "http://hook.test/", payload: '{"state":"firing"}' }),
    );
    const [first, ...none] = await claimDueNotifications(scope, "node-a", -1, 10); // a claim that has already run out
    expect(none).toEqual([]);
    expect(first).toMatchObject({ incidentId: "i1", event: "firing", attempts: 1, claimedBy: "node-a", secret: "whsec_1", payload: '{"state":"firing"}' });

    const [second] = await claimDueNotifications(scope, "node-b", 60_000, 10);
    expect(second).toMatchObject({ attempts: 2, claimedBy: "node-b" });
    expect(await claimDueNotifications(scope, "node-c", 60_000, 10)).toEqual([]); // held by node-b

    // node-a comes back from its stalled attempt: recorded as made, but the row stays node-b's.
    expect(await finishAttempt(scope, first!, attempt(1, false), { state: "pending", retryInMs: 0 })).toBe(false);
    expect(await finishAttempt(scope, second!, attempt(2, true), { state: "delivered" })).toBe(true);
    expect(await claimDueNotifications(scope, "node-c", 60_000, 10)).toEqual([]);
    const [row] = await sql.query(`SELECT "state", "attempts", "claimedBy" FROM "alert_outbox" WHERE "projectId" = ?`, [scope.projectId]);
    expect(row).toEqual({ state: "delivered", attempts: 2n, claimedBy: null });
    const deliveries = await sql.query(`SELECT "attempt", "ok" FROM "alert_deliveries" WHERE "incidentId" = 'i1' ORDER BY "attempt"`);
    expect(deliveries.map((d) => [Number(d.attempt), Number(d.ok)])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it("waits out the backoff of a pending notification before it is due again", async () => {
    await sql.transaction((tx) =>
      enqueueNotification(tx, scope.projectId, { ruleId: "r1", incidentId: "i1", event: "resolved", url: "http://hook.test/", payload: "{}" }),
    );
    const [claim] = await claimDueNotifications(scope, "node-a", 60_000, 10);
    expect(await finishAttempt(scope, claim!, attempt(1, false), { state: "pending", retryInMs: 60_000 })).toBe(true);
    expect(await claimDueNotifications(scope, "node-b", 60_000, 10)).toEqual([]);
    await sql.run(`UPDATE "alert_outbox" SET "nextAttemptMs" = "nextAttemptMs" - 60000 WHERE "projectId" = ? AND "event" = 'resolved'`, [scope.projectId]);
    expect(await claimDueNotifications(scope, "node-b", 60_000, 10)).toMatchObject([{ event: "resolved", attempts: 2 }]);
  });
});
