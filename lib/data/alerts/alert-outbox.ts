import "server-only";
// The alert outbox: webhook notifications kept in the database until delivered or given up, so one
// recorded by a server that then stops is still sent, by any other. A row is written in the transaction
// that opens or closes its incident (alert-store.ts), so an incident never exists without its
// notification nor the other way round. Its life:
//
//   pending ──claim──▶ claimed ──2xx──▶ delivered
//      ▲                  │ ──refused (4xx, bad address) or attempts used up──▶ failed (given up)
//      └──retryable, after the backoff──┘
//
// Delivered and given-up rows are deleted once they are older than a grace period (the lifecycle job,
// `deleteFinishedNotifications`); each attempt stays recorded on its incident (alert_deliveries).
//
// A claim is a lease: `nextAttemptMs` then holds when it runs out, and a claimed row whose lease ran out
// (its server died mid-POST) is claimable again, like a pending one that is due. Claims take rows with
// FOR UPDATE SKIP LOCKED on PostgreSQL, so servers claiming at once take different rows; attempts are
// counted when claimed, so a row whose senders keep dying is still given up in the end. Times come from
// the database's clock (job-leases.ts), so servers whose clocks disagree still agree on what is due.
import { randomUUID } from "node:crypto";
import { getSql } from "@/lib/db/connections";
import type { Sql } from "@/lib/db/sql";
import type { DeliveryAttempt } from "@/lib/alerts/delivery-attempt";
import type { AlertState } from "@/lib/alerts/payload";
import { dbNowMs } from "@/lib/data/jobs/job-leases";
import type { ProjectScope } from "@/lib/data/scope";

export type OutboxMessage = { ruleId: string; incidentId: string; event: AlertState; url: string; payload: string };
export type ClaimedNotification = OutboxMessage & { id: string; attempts: number; claimedBy: string; secret: string | null };
/** What became of one attempt: delivered, tried again after `retryInMs`, or given up. */
export type AttemptOutcome = { state: "delivered" } | { state: "pending"; retryInMs: number } | { state: "failed" };

const CLAIMABLE = `"projectId" = ? AND "state" IN ('pending', 'claimed') AND "nextAttemptMs" <= NOW_MS`;

/** Queues a notification inside the caller's transaction (the one that changed the incident). */
export async function enqueueNotification(tx: Sql, projectId: string, message: OutboxMessage): Promise<void> {
  const now = dbNowMs(tx);
  await tx.run(
    `INSERT INTO "alert_outbox" ("projectId", "id", "ruleId", "incidentId", "event", "url", "payload", "state", "attempts", "nextAttemptMs", "claimedBy", "lastError", "createdMs", "updatedMs")
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ${now}, NULL, NULL, ${now}, ${now})`,
    [projectId, randomUUID(), message.ruleId, message.incidentId, message.event, message.url, message.payload],
  );
}

/**
 * Claims up to `limit` due notifications of the project for `holder` for `leaseMs` (longer than one
 * attempt can take), oldest due first, each with its rule's signing secret.
 */
export async function claimDueNotifications(scope: ProjectScope, holder: string, leaseMs: number, limit: number): Promise<ClaimedNotification[]> {
  const sql = getSql();
  const now = dbNowMs(sql);
  const claimable = CLAIMABLE.replace("NOW_MS", now);
  const set = `"state" = 'claimed', "claimedBy" = ?, "attempts" = "attempts" + 1, "nextAttemptMs" = ${now} + ?, "updatedMs" = ${now}`;
  const returning = `"id", "ruleId", "incidentId", "event", "url", "payload", "attempts", "claimedBy"`;
  // Nearly every round finds nothing due. Looking first takes no write lock: on SQLite the claim's
  // UPDATE would wait for the ingest writer's transaction with this thread blocked, every second.
  const due = await sql.query(`SELECT 1 AS "due" FROM "alert_outbox" WHERE ${claimable} LIMIT 1`, [scope.projectId]);
  if (due.length === 0) return [];
  const rows =
    sql.dialect === "postgres"
      ? await sql.query(
          `UPDATE "alert_outbox" o SET ${set}
           FROM (SELECT "id" FROM "alert_outbox" WHERE ${claimable} ORDER BY "nextAttemptMs" LIMIT ? FOR UPDATE SKIP LOCKED) c
           WHERE o."projectId" = ? AND o."id" = c."id" RETURNING ${returning.replace(/"(\w+)"/g, 'o."$1"')}`,
          [holder, leaseMs, scope.projectId, limit, scope.projectId],
        )
      : await sql.query(
          `UPDATE "alert_outbox" SET ${set}
           WHERE "projectId" = ? AND "id" IN (SELECT "id" FROM "alert_outbox" WHERE ${claimable} ORDER BY "nextAttemptMs" LIMIT ?) RETURNING ${returning}`,
          [holder, leaseMs, scope.projectId, scope.projectId, limit],
        );
  if (rows.length === 0) return [];
  const ruleIds = [...new Set(rows.map((r) => String(r.ruleId)))];
  const secrets = await sql.query(`SELECT "id", "webhookSecret" FROM "alert_rules" WHERE "projectId" = ? AND "id" IN (${ruleIds.map(() => "?").join(", ")})`, [
    scope.projectId,
    ...ruleIds,
  ]);
  const secretOf = new Map(secrets.map((r) => [String(r.id), r.webhookSecret === null ? null : String(r.webhookSecret)]));
  return rows.map((r) => ({
    id: String(r.id),
    ruleId: String(r.ruleId),
    incidentId: String(r.incidentId),
    event: r.event === "resolved" ? "resolved" : "firing",
    url: String(r.url),
    payload: String(r.payload),
    attempts: Number(r.attempts),
    claimedBy: String(r.claimedBy),
    secret: secretOf.get(String(r.ruleId)) ?? null,
  }));
}

/**
 * Records one attempt of a claimed notification and what became of it, in one transaction. The row
 * changes only while the claim is still this one (false otherwise: the lease ran out and another server
 * took it over); the attempt is recorded on the incident either way, since it was made.
 */
export async function finishAttempt(scope: ProjectScope, claim: ClaimedNotification, attempt: DeliveryAttempt, outcome: AttemptOutcome): Promise<boolean> {
  return getSql().transaction(async (tx) => {
    const now = dbNowMs(tx);
    const due = outcome.state === "pending" ? `${now} + ?` : now;
    const changed = await tx.run(
      `UPDATE "alert_outbox" SET "state" = ?, "claimedBy" = NULL, "nextAttemptMs" = ${due}, "lastError" = ?, "updatedMs" = ${now}
       WHERE "projectId" = ? AND "id" = ? AND "state" = 'claimed' AND "claimedBy" = ?`,
      [outcome.state, ...(outcome.state === "pending" ? [outcome.retryInMs] : []), attempt.error, scope.projectId, claim.id, claim.claimedBy],
    );
    await tx.run(
      `INSERT INTO "alert_deliveries" ("incidentId", "event", "attempt", "url", "httpStatus", "ok", "error", "atMs", "durationMs")
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM "alert_incidents" WHERE "id" = ? AND "projectId" = ?)`,
      [
        claim.incidentId,
        claim.event,
        attempt.attempt,
        claim.url,
        attempt.httpStatus,
        attempt.ok,
        attempt.error,
        BigInt(attempt.atMs),
        attempt.durationMs,
        claim.incidentId,
        scope.projectId,
      ],
    );
    return changed > 0;
  });
}

/**
 * Deletes up to `limit` of the project's notifications that were delivered or given up more than
 * `keepMs` ago (database clock); the number deleted. A finished row's `nextAttemptMs` is when it
 * finished (`finishAttempt`), so the claim index ("projectId", "state", "nextAttemptMs") finds them;
 * `updatedMs` says the same and guards it. One short statement per call: callers loop, pausing between
 * calls, so a large backlog never holds locks for long.
 */
export async function deleteFinishedNotifications(scope: ProjectScope, keepMs: number, limit: number): Promise<number> {
  const sql = getSql();
  const before = `${dbNowMs(sql)} - ?`;
  return sql.run(
    `DELETE FROM "alert_outbox" WHERE "projectId" = ? AND "id" IN (
       SELECT "id" FROM "alert_outbox" WHERE "projectId" = ? AND "state" IN ('delivered', 'failed') AND "nextAttemptMs" < ${before} AND "updatedMs" < ${before} LIMIT ?)`,
    [scope.projectId, scope.projectId, Math.round(keepMs), Math.round(keepMs), limit],
  );
}
