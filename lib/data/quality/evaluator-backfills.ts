import "server-only";
// Backfills (prisma EvaluatorBackfill): one evaluator over the traces that started in [from, to), walked
// in (startNs, traceId) order from a cursor stored after every page, so a restarted or another server
// continues where the last one stopped. A backfill is claimed for a lease at a time (one server works on
// it); the run records (./evaluator-runs.ts) keep each trace evaluated once, whoever runs it.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { buildTraceWhere } from "@/lib/data/traces/traces";
import type { BackfillProgress, BackfillState } from "@/lib/quality/evaluator-types";
import type { TraceFilters } from "@/lib/trace/types";

export type Backfill = { id: string; evaluatorId: string; fromMs: number; toMs: number; cursor: { startNs: bigint; traceId: string } | null };

const toNs = (ms: number) => BigInt(ms) * 1_000_000n;

/** Queues a backfill; its total is the number of traces in range the filter matches now. */
export async function createBackfill(scope: ProjectScope, evaluatorId: string, filters: TraceFilters, fromMs: number, toMs: number): Promise<BackfillProgress> {
  const total = await getPrisma().trace.count({
    where: { AND: [buildTraceWhere(scope, filters), { startNs: { gte: toNs(fromMs), lt: toNs(toMs) } }] },
  });
  const id = randomUUID();
  const now = Date.now();
  await getSql().run(
    `INSERT INTO "evaluator_backfills" ("projectId", "id", "evaluatorId", "fromMs", "toMs", "state", "done", "total", "claimedUntilMs", "createdMs", "updatedMs")
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, 0, ?, ?)`,
    [scope.projectId, id, evaluatorId, BigInt(fromMs), BigInt(toMs), total, BigInt(now), BigInt(now)],
  );
  return { jobId: id, state: "queued", done: 0, total, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), createdAt: new Date(now).toISOString() };
}

/** The latest backfill of each of the project's evaluators. */
export async function latestBackfills(scope: ProjectScope): Promise<Map<string, BackfillProgress>> {
  const rows = await getSql().query(`SELECT * FROM "evaluator_backfills" WHERE "projectId" = ? ORDER BY "createdMs", "id"`, [scope.projectId]);
  const latest = new Map<string, BackfillProgress>();
  for (const row of rows) {
    latest.set(String(row.evaluatorId), {
      jobId: String(row.id),
      state: String(row.state) as BackfillState,
      done: Number(row.done),
      total: Number(row.total),
      from: new Date(Number(row.fromMs)).toISOString(),
      to: new Date(Number(row.toMs)).toISOString(),
      createdAt: new Date(Number(row.createdMs)).toISOString(),
    });
  }
  return latest;
}

/** Claims the oldest unfinished backfill of the project whose lease ran out, for `leaseMs`. */
export async function claimBackfill(scope: ProjectScope, nowMs: number, leaseMs: number): Promise<Backfill | null> {
  const sql = getSql();
  const [row] = await sql.query(
    `SELECT "id" FROM "evaluator_backfills" WHERE "projectId" = ? AND "state" IN ('queued', 'running') AND "claimedUntilMs" < ? ORDER BY "createdMs" LIMIT 1`,
    [scope.projectId, nowMs],
  );
  if (!row) return null;
  const [claimed] = await sql.query(
    `UPDATE "evaluator_backfills" SET "claimedUntilMs" = ?, "state" = 'running', "updatedMs" = ?
     WHERE "projectId" = ? AND "id" = ? AND "claimedUntilMs" < ? RETURNING *`,
    [BigInt(nowMs + leaseMs), BigInt(nowMs), scope.projectId, String(row.id), nowMs],
  );
  if (!claimed) return null;
  return {
    id: String(claimed.id),
    evaluatorId: String(claimed.evaluatorId),
    fromMs: Number(claimed.fromMs),
    toMs: Number(claimed.toMs),
    cursor: claimed.cursorTraceId === null ? null : { startNs: BigInt(claimed.cursorStartNs as bigint | string), traceId: String(claimed.cursorTraceId) },
  };
}

/** The next page of the backfill's traces (ids in walk order, with their starts), matching the filter. */
export async function backfillPage(scope: ProjectScope, backfill: Backfill, filters: TraceFilters, limit: number): Promise<{ traceId: string; startNs: bigint }[]> {
  const after = backfill.cursor;
  const rows = await getPrisma().trace.findMany({
    where: {
      AND: [
        buildTraceWhere(scope, filters),
        { startNs: { gte: toNs(backfill.fromMs), lt: toNs(backfill.toMs) } },
        after ? { OR: [{ startNs: { gt: after.startNs } }, { startNs: after.startNs, traceId: { gt: after.traceId } }] } : {},
      ],
    },
    orderBy: [{ startNs: "asc" }, { traceId: "asc" }],
    select: { traceId: true, startNs: true },
    take: limit,
  });
  return rows;
}

/** Stores progress after a page (the cursor moves past it); `finished` ends the backfill. */
export async function advanceBackfill(scope: ProjectScope, backfill: Backfill, page: readonly { traceId: string; startNs: bigint }[], finished: boolean, leaseMs: number): Promise<void> {
  const last = page.at(-1);
  if (last) backfill.cursor = { startNs: last.startNs, traceId: last.traceId };
  const now = Date.now();
  await getSql().run(
    `UPDATE "evaluator_backfills" SET "done" = "done" + ?, "cursorStartNs" = ?, "cursorTraceId" = ?, "state" = ?, "claimedUntilMs" = ?, "updatedMs" = ?
     WHERE "projectId" = ? AND "id" = ?`,
    [
      page.length,
      backfill.cursor?.startNs ?? null,
      backfill.cursor?.traceId ?? null,
      finished ? "done" : "running",
      BigInt(finished ? 0 : now + leaseMs),
      BigInt(now),
      scope.projectId,
      backfill.id,
    ],
  );
}

/** Ends a backfill whose evaluator is gone or disabled. */
export async function failBackfill(scope: ProjectScope, id: string): Promise<void> {
  await getSql().run(`UPDATE "evaluator_backfills" SET "state" = 'failed', "claimedUntilMs" = 0 WHERE "projectId" = ? AND "id" = ?`, [scope.projectId, id]);
}
