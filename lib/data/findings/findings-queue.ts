import "server-only";
// The queue of traces whose findings must be recomputed (prisma FindingsQueue). Ingest marks every trace
// a commit touches; the findings job claims traces that have been quiet for the settle time, or dirty for
// longer than the maximum delay (so a trace that keeps growing is analysed at most that often, not at
// every request), and finishes a claim when it has stored the trace's findings.
//
// Claims are leases: several servers on one PostgreSQL each claim different rows (FOR UPDATE SKIP LOCKED),
// and a claim whose server died is claimable again once `claimedUntilMs` has passed. A commit that
// touches a claimed trace bumps `version`, so the claimant keeps the row (the trace is analysed again)
// instead of deleting it.
import { randomUUID } from "node:crypto";
import { getSql } from "@/lib/db/connections";
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import { BUMP, isFindingsEnabled, QUEUE_COLUMNS } from "./mark-dirty";

/** Marks every trace of the project that started at or after `sinceMs` dirty (after a loop threshold change). */
export async function markProjectTracesDirty(scope: ProjectScope, sinceMs: number, nowMs = Date.now()): Promise<number> {
  if (!isFindingsEnabled()) return 0;
  return getSql().run(
    `INSERT INTO "findings_queue" (${QUEUE_COLUMNS.map((c) => `"${c}"`).join(", ")})
     SELECT "projectId", "traceId", 1, ?, ?, 0 FROM "traces" WHERE "projectId" = ? AND "startNs" >= ?
     ON CONFLICT ${BUMP}`,
    [nowMs, nowMs, scope.projectId, BigInt(sinceMs) * 1_000_000n],
  );
}

export type FindingsClaim = { traceId: string; version: number; token: string };

export type ClaimOptions = {
  nowMs: number;
  /** A trace is claimable once no commit touched it for this long… */
  settleMs: number;
  /** …or once it has been dirty this long, even while it keeps growing. */
  maxDelayMs: number;
  /** How long the claim holds before another server may take the trace. */
  leaseMs: number;
  limit: number;
};

/** Claims up to `limit` dirty traces of the project that are due, most recently dirtied first. */
export async function claimDirtyTraces(scope: ProjectScope, options: ClaimOptions): Promise<FindingsClaim[]> {
  const sql = getSql();
  const token = randomUUID();
  const { nowMs } = options;
  const due = `"projectId" = ? AND "claimedUntilMs" < ? AND ("lastDirtyMs" <= ? OR "firstDirtyMs" <= ?)`;
  const dueParams: SqlValue[] = [scope.projectId, nowMs, nowMs - options.settleMs, nowMs - options.maxDelayMs];
  // Newest first: a backlog (a threshold change, an upgrade's backfill) must not hold back live traces.
  const rows =
    sql.dialect === "postgres"
      ? await sql.query<{ traceId: string; version: unknown }>(
          `UPDATE "findings_queue" q SET "claimedUntilMs" = ?, "claimedBy" = ?
           FROM (SELECT "traceId" FROM "findings_queue" WHERE ${due} ORDER BY "firstDirtyMs" DESC LIMIT ? FOR UPDATE SKIP LOCKED) c
           WHERE q."projectId" = ? AND q."traceId" = c."traceId" AND q."claimedUntilMs" < ?
           RETURNING q."traceId", q."version"`,
          [nowMs + options.leaseMs, token, ...dueParams, options.limit, scope.projectId, nowMs],
        )
      : await sql.query<{ traceId: string; version: unknown }>(
          `UPDATE "findings_queue" SET "claimedUntilMs" = ?, "claimedBy" = ?
           WHERE "projectId" = ? AND "traceId" IN (SELECT "traceId" FROM "findings_queue" WHERE ${due} ORDER BY "firstDirtyMs" DESC LIMIT ?)
           RETURNING "traceId", "version"`,
          [nowMs + options.leaseMs, token, scope.projectId, ...dueParams, options.limit],
        );
  return rows.map((row) => ({ traceId: String(row.traceId), version: Number(row.version), token }));
}

/** Whether the claim still holds (no other server took the trace over after the lease ran out). */
export async function holdsClaim(tx: Sql, projectId: string, claim: FindingsClaim): Promise<boolean> {
  const rows = await tx.query<{ claimedBy: string | null }>(`SELECT "claimedBy" FROM "findings_queue" WHERE "projectId" = ? AND "traceId" = ?`, [
    projectId,
    claim.traceId,
  ]);
  return rows[0]?.claimedBy === claim.token;
}

/**
 * Ends a claim: the row goes when no commit touched the trace since it was claimed; otherwise it is
 * released, its `firstDirtyMs` restarted, so a growing trace is analysed again once it settles or after
 * the maximum delay from now.
 */
export async function finishClaim(tx: Sql, projectId: string, claim: FindingsClaim, nowMs: number): Promise<void> {
  const deleted = await tx.run(`DELETE FROM "findings_queue" WHERE "projectId" = ? AND "traceId" = ? AND "version" = ? AND "claimedBy" = ?`, [
    projectId,
    claim.traceId,
    claim.version,
    claim.token,
  ]);
  if (deleted > 0) return;
  await tx.run(
    `UPDATE "findings_queue" SET "claimedUntilMs" = 0, "claimedBy" = NULL, "firstDirtyMs" = ? WHERE "projectId" = ? AND "traceId" = ? AND "claimedBy" = ?`,
    [nowMs, projectId, claim.traceId, claim.token],
  );
}

/** Puts a claim back for a later attempt (after a failed analysis), not before `retryAtMs`. */
export async function releaseClaim(scope: ProjectScope, claim: FindingsClaim, retryAtMs: number): Promise<void> {
  await getSql().run(`UPDATE "findings_queue" SET "claimedUntilMs" = ?, "claimedBy" = NULL WHERE "projectId" = ? AND "traceId" = ? AND "claimedBy" = ?`, [
    retryAtMs,
    scope.projectId,
    claim.traceId,
    claim.token,
  ]);
}

/** How many traces of the project wait for analysis (health and tests). */
export async function countDirtyTraces(scope: ProjectScope): Promise<number> {
  const rows = await getSql().query<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "findings_queue" WHERE "projectId" = ?`, [scope.projectId]);
  return Number(rows[0]?.n ?? 0);
}
