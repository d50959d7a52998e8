import "server-only";
// The queue of traces waiting for the project's online evaluators (prisma EvaluationQueue), filled by
// ingest (./evaluation-due.ts); the evaluator job claims traces quiet for the
// settle time and deletes their row once evaluated. Rows are the durable cursor of online evaluation: a
// restarted server takes up exactly the traces still listed. Claims are leases, as in findings_queue:
// several servers claim different rows (FOR UPDATE SKIP LOCKED on PostgreSQL), and a claim whose server
// died is claimable again once its lease ran out.
import { randomUUID } from "node:crypto";
import type { Sql, SqlValue } from "@/lib/db/sql";
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { inJsonArray } from "./score-rows";

export type EvaluationClaim = { traceId: string; token: string };

export type ClaimOptions = {
  nowMs: number;
  settleMs: number;
  leaseMs: number;
  limit: number;
  /** Claim only traces whose findings are current (an enabled evaluator reads them). */
  awaitFindings: boolean;
};

/** The condition (alias `e`) and parameters of the project's traces ready to claim. */
function dueTraces(scope: ProjectScope, options: Omit<ClaimOptions, "leaseMs" | "limit">): { due: string; dueParams: SqlValue[] } {
  const { nowMs } = options;
  // A trace still waiting for its findings job waits only when an evaluator reads findings: the others
  // would otherwise run at the findings job's pace.
  const analysed = options.awaitFindings
    ? `AND NOT EXISTS (SELECT 1 FROM "findings_queue" f WHERE f."projectId" = e."projectId" AND f."traceId" = e."traceId")`
    : "";
  return { due: `e."projectId" = ? AND e."claimedUntilMs" < ? AND e."lastDirtyMs" <= ? ${analysed}`, dueParams: [scope.projectId, nowMs, nowMs - options.settleMs] };
}

/**
 * Whether the project has a trace ready to claim. A plain read takes no write lock: callers look before
 * they claim, since on SQLite an UPDATE that finds nothing still waits for the ingest writer's transaction.
 */
export async function hasSettledTraces(scope: ProjectScope, options: Omit<ClaimOptions, "leaseMs" | "limit">): Promise<boolean> {
  const { due, dueParams } = dueTraces(scope, options);
  return (await getSql().query(`SELECT 1 AS "due" FROM "evaluation_queue" e WHERE ${due} LIMIT 1`, dueParams)).length > 0;
}

/** Claims up to `limit` traces of the project quiet for `settleMs` (and analysed, with `awaitFindings`), oldest first. */
export async function claimSettledTraces(scope: ProjectScope, options: ClaimOptions): Promise<EvaluationClaim[]> {
  const sql = getSql();
  const token = randomUUID();
  const { nowMs } = options;
  const { due, dueParams } = dueTraces(scope, options);
  const rows =
    sql.dialect === "postgres"
      ? await sql.query<{ traceId: string }>(
          `UPDATE "evaluation_queue" q SET "claimedUntilMs" = ?, "claimedBy" = ?
           FROM (SELECT e."traceId" FROM "evaluation_queue" e WHERE ${due} ORDER BY e."lastDirtyMs" LIMIT ? FOR UPDATE OF e SKIP LOCKED) c
           WHERE q."projectId" = ? AND q."traceId" = c."traceId" AND q."claimedUntilMs" < ?
           RETURNING q."traceId"`,
          [nowMs + options.leaseMs, token, ...dueParams, options.limit, scope.projectId, nowMs],
        )
      : await sql.query<{ traceId: string }>(
          `UPDATE "evaluation_queue" SET "claimedUntilMs" = ?, "claimedBy" = ?
           WHERE "projectId" = ? AND "traceId" IN (SELECT e."traceId" FROM "evaluation_queue" e WHERE ${due} ORDER BY e."lastDirtyMs" LIMIT ?)
           RETURNING "traceId"`,
          [nowMs + options.leaseMs, token, scope.projectId, ...dueParams, options.limit],
        );
  return rows.map((row) => ({ traceId: String(row.traceId), token }));
}

/**
 * Ends claims: a row goes unless a commit touched its trace after `claimedAtMs` (then it is released, and
 * the trace's spans that arrived since are evaluated once it settles again; what was evaluated stays
 * evaluated, by the evaluator_runs keys).
 */
export async function finishEvaluationClaims(scope: ProjectScope, claims: readonly EvaluationClaim[], claimedAtMs: number): Promise<void> {
  // One transaction: one commit, one turn of SQLite's single writer.
  await getSql().transaction((tx) => endClaims(tx, scope, claims, claimedAtMs));
}

/** finishEvaluationClaims inside the caller's transaction (a round's scores and the end of its claims commit together). */
export async function endClaims(tx: Sql, scope: ProjectScope, claims: readonly EvaluationClaim[], claimedAtMs: number): Promise<void> {
  const byToken = new Map<string, string[]>();
  for (const claim of claims) byToken.set(claim.token, [...(byToken.get(claim.token) ?? []), claim.traceId]);
  // A round's claims share one token: two statements (through the primary key) end them all.
  for (const [token, traceIds] of byToken) {
    const mine = `"projectId" = ? AND "traceId" IN ${inJsonArray(tx)} AND "claimedBy" = ?`;
    const params = [scope.projectId, JSON.stringify(traceIds), token];
    await tx.run(`DELETE FROM "evaluation_queue" WHERE ${mine} AND "lastDirtyMs" <= ?`, [...params, claimedAtMs]);
    await tx.run(`UPDATE "evaluation_queue" SET "claimedUntilMs" = 0, "claimedBy" = NULL WHERE ${mine}`, params);
  }
}

/** How many traces of the project wait for evaluation (tests and the benchmark). */
export async function countEvaluationQueue(scope: ProjectScope): Promise<number> {
  const rows = await getSql().query<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "evaluation_queue" WHERE "projectId" = ?`, [scope.projectId]);
  return Number(rows[0]?.n ?? 0);
}
