import "server-only";
// Writes new and changed approval rows and moves their rollup contributions (lib/analytics/approval-rollup.ts):
// a changed approval's stored facts are taken out, its new ones put in, so the rollups stay exact.
import type { Sql, SqlValue } from "@/lib/db/sql";
import { ApprovalDeltas, applyApprovalDelta, type ApprovalDelta, type ApprovalItem, type ApprovalRollupRow } from "@/lib/analytics/approval-rollup";
import type { ApprovalDimension } from "@/lib/analytics/approval-rollup";
import type { Granularity } from "@/lib/analytics/buckets";
import { decodeBins, encodeBins } from "@/lib/analytics/sketch";
import type { ApprovalRow } from "@/lib/trace/governance-rows";

const APPROVAL_COLUMNS = ["projectId", "traceId", "spanId", "startNs", "waitMs", "decision", "action", "approver", "policy", "agentName", "task", "userId"] as const;
const APPROVAL_UPSERT = `("projectId", "traceId", "spanId") DO UPDATE SET ${APPROVAL_COLUMNS.slice(3)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;

const ROLLUP_COLUMNS = [
  "projectId",
  "dimension",
  "granularity",
  "bucketStartMs",
  "groupKey",
  "requests",
  "approved",
  "rejected",
  "timedOut",
  "escalated",
  "waitSumMs",
  "maxWaitMs",
  "p50WaitMs",
  "p95WaitMs",
  "bins",
] as const;
const ROLLUP_REPLACE = `("projectId", "dimension", "granularity", "bucketStartMs", "groupKey") DO UPDATE SET ${ROLLUP_COLUMNS.slice(5)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;
const ROLLUP_READ = `SELECT ${ROLLUP_COLUMNS.slice(1)
  .map((c) => `"${c}"`)
  .join(", ")} FROM "approval_rollups" WHERE "projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "bucketStartMs" = ? AND "groupKey" = ?`;

export type ApprovalChange = { row: ApprovalRow; before: ApprovalRow | null };

const nsToMs = (ns: bigint) => Number(ns / 1_000_000n);

/** What an approval row counts in the rollups. */
export const approvalItem = (r: ApprovalRow): ApprovalItem => ({
  startMs: nsToMs(r.startNs),
  waitMs: r.waitMs,
  decision: r.decision,
  action: r.action,
  agentName: r.agentName,
  approver: r.approver,
  task: r.task,
  userId: r.userId,
});

async function readRollup(tx: Sql, projectId: string, d: ApprovalDelta): Promise<ApprovalRollupRow | null> {
  const [row] = await tx.query(ROLLUP_READ, [projectId, d.dimension, d.granularity, BigInt(d.bucketStartMs), d.group]);
  if (!row) return null;
  return {
    dimension: row.dimension as ApprovalDimension,
    granularity: row.granularity as Granularity,
    bucketStartMs: Number(row.bucketStartMs),
    group: String(row.groupKey),
    requests: Number(row.requests),
    approved: Number(row.approved),
    rejected: Number(row.rejected),
    timedOut: Number(row.timedOut),
    escalated: Number(row.escalated),
    waitSumMs: Number(row.waitSumMs),
    maxWaitMs: Number(row.maxWaitMs),
    p50WaitMs: Number(row.p50WaitMs),
    p95WaitMs: Number(row.p95WaitMs),
    bins: decodeBins(row.bins as string),
  };
}

export async function writeApprovals(tx: Sql, projectId: string, traces: readonly { traceId: string; approvals: readonly ApprovalChange[] }[]): Promise<void> {
  const rows: SqlValue[][] = [];
  const deltas = new ApprovalDeltas();
  for (const { traceId, approvals } of traces) {
    for (const { row: r, before } of approvals) {
      rows.push([projectId, traceId, r.spanId, r.startNs, r.waitMs, r.decision, r.action, r.approver, r.policy, r.agentName, r.task, r.userId]);
      if (before) deltas.add(approvalItem(before), -1);
      deltas.add(approvalItem(r), 1);
    }
  }
  if (rows.length === 0) return;
  await tx.insertMany("approvals", APPROVAL_COLUMNS, rows, APPROVAL_UPSERT);
  const updated: SqlValue[][] = [];
  for (const d of deltas.changes()) {
    const r = applyApprovalDelta(await readRollup(tx, projectId, d), d);
    updated.push([
      projectId,
      r.dimension,
      r.granularity,
      BigInt(r.bucketStartMs),
      r.group,
      r.requests,
      r.approved,
      r.rejected,
      r.timedOut,
      r.escalated,
      r.waitSumMs,
      r.maxWaitMs,
      r.p50WaitMs,
      r.p95WaitMs,
      encodeBins(r.bins),
    ]);
  }
  await tx.insertMany("approval_rollups", ROLLUP_COLUMNS, updated, ROLLUP_REPLACE);
}
