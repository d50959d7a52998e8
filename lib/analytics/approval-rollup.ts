// Approval rollups: requests, decisions and the human wait per bucket and group, kept at ingest. An approval
// contributes once to each dimension it has a value for (its action, agent, approver, the run's task and user),
// in the bucket of its start, at every granularity. Counts add and subtract, and so does the wait histogram,
// so moving an approval (its agent or task became known later) is its old contribution out and the new one
// in: the rows always equal the sum over the stored approvals. Pure.
//
// The `gate` dimension (hourly and daily only) is what the pipeline map draws an approval gate from: one
// group per task, agent and action (graph/graph-gates.ts encodes it).
import { alignDown, GRANULARITY_MS, type Granularity } from "./buckets";
import { addValue, binOf, binValue, highestBin, mergeBins, mergeIntoStored, quantiles, type Bins } from "./sketch";
import type { APPROVAL_DECISIONS } from "@/lib/ingest/governance-facts";
import { encodeGateGroup } from "./graph/graph-gates";

export const APPROVAL_DIMENSIONS = ["action", "agent", "approver", "task", "user", "gate"] as const;
export type ApprovalDimension = (typeof APPROVAL_DIMENSIONS)[number];
export const APPROVAL_GRANULARITIES = ["1m", "1h", "1d"] as const satisfies readonly Granularity[];
/** The map reads days and hours, never minutes. */
const GATE_GRANULARITIES = ["1h", "1d"] as const satisfies readonly Granularity[];

/** What one stored approval is counted with. */
export type ApprovalItem = {
  startMs: number;
  waitMs: number;
  decision: string;
  action: string | null;
  agentName: string | null;
  approver: string | null;
  task: string;
  userId: string | null;
};

export type ApprovalCounts = { requests: number; approved: number; rejected: number; timedOut: number; escalated: number; waitSumMs: number };
export type ApprovalRollupKey = { dimension: ApprovalDimension; granularity: Granularity; bucketStartMs: number; group: string };
export type ApprovalDelta = ApprovalRollupKey & ApprovalCounts & { bins: Bins; addedMaxMs: number | null; removedMaxMs: number | null };
export type ApprovalRollupRow = ApprovalRollupKey & ApprovalCounts & { maxWaitMs: number; p50WaitMs: number; p95WaitMs: number; bins: Bins };

const DECISION_COLUMN: Record<(typeof APPROVAL_DECISIONS)[number], keyof ApprovalCounts> = {
  approved: "approved",
  rejected: "rejected",
  timed_out: "timedOut",
  escalated: "escalated",
};

export const approvalRollupId = (k: ApprovalRollupKey) => `${k.dimension}\u0000${k.granularity}\u0000${k.bucketStartMs}\u0000${k.group}`;

export const emptyCounts = (): ApprovalCounts => ({ requests: 0, approved: 0, rejected: 0, timedOut: 0, escalated: 0, waitSumMs: 0 });

/** The groups of one approval, by dimension; dimensions it has no value for are left out. */
export function approvalGroups(item: ApprovalItem): [ApprovalDimension, string][] {
  const groups: [ApprovalDimension, string | null][] = [
    ["action", item.action],
    ["agent", item.agentName],
    ["approver", item.approver],
    ["task", item.task],
    ["user", item.userId],
    ["gate", item.action === null || item.action === "" ? null : encodeGateGroup({ task: item.task, agent: item.agentName ?? "", action: item.action })],
  ];
  return groups.filter((g): g is [ApprovalDimension, string] => g[1] !== null && g[1] !== "");
}

/** Adds one item's counts (sign 1) or takes them out (−1). */
export function addCounts(into: ApprovalCounts, item: Pick<ApprovalItem, "decision" | "waitMs">, sign: 1 | -1): void {
  into.requests += sign;
  into.waitSumMs += sign * item.waitMs;
  const column = DECISION_COLUMN[item.decision as keyof typeof DECISION_COLUMN];
  if (column) into[column] += sign;
}

/** The deltas of one transaction, keyed by rollup row. */
export class ApprovalDeltas {
  private readonly byId = new Map<string, ApprovalDelta>();

  add(item: ApprovalItem, sign: 1 | -1): void {
    for (const [dimension, group] of approvalGroups(item)) {
      for (const granularity of dimension === "gate" ? GATE_GRANULARITIES : APPROVAL_GRANULARITIES) {
        const key = { dimension, granularity, bucketStartMs: alignDown(item.startMs, GRANULARITY_MS[granularity]), group };
        const id = approvalRollupId(key);
        let delta = this.byId.get(id);
        if (!delta) this.byId.set(id, (delta = { ...key, ...emptyCounts(), bins: new Map(), addedMaxMs: null, removedMaxMs: null }));
        addCounts(delta, item, sign);
        addValue(delta.bins, item.waitMs, sign);
        if (sign > 0) delta.addedMaxMs = Math.max(delta.addedMaxMs ?? 0, item.waitMs);
        else delta.removedMaxMs = Math.max(delta.removedMaxMs ?? 0, item.waitMs);
      }
    }
  }

  /** Deltas that change something (an item taken out and put back unchanged cancels out). */
  changes(): ApprovalDelta[] {
    return [...this.byId.values()].filter(
      (d) =>
        d.requests !== 0 || d.bins.size > 0 || d.approved !== 0 || d.rejected !== 0 || d.timedOut !== 0 || d.escalated !== 0 || d.addedMaxMs !== d.removedMaxMs,
    );
  }
}

/**
 * The stored row after a delta. The maximum stays exact while only larger waits arrive; when one may have
 * been taken out it falls back to the highest non-empty bin (within the sketch's accuracy). A row whose
 * requests fall to zero is emptied.
 */
export function applyApprovalDelta(stored: ApprovalRollupRow | null, d: ApprovalDelta): ApprovalRollupRow {
  const key = { dimension: d.dimension, granularity: d.granularity, bucketStartMs: d.bucketStartMs, group: d.group };
  const counts = stored ? { ...pickCounts(stored) } : emptyCounts();
  for (const column of Object.keys(counts) as (keyof ApprovalCounts)[]) counts[column] += d[column];
  if (counts.requests <= 0) return { ...key, ...emptyCounts(), maxWaitMs: 0, p50WaitMs: 0, p95WaitMs: 0, bins: new Map() };
  const bins: Bins = stored ? stored.bins : new Map<number, number>();
  mergeIntoStored(bins, d.bins);
  const top = highestBin(bins);
  const previousMax = stored?.maxWaitMs ?? 0;
  let maxWaitMs = Math.max(previousMax, d.addedMaxMs ?? 0);
  const removedLargest = d.removedMaxMs !== null && d.removedMaxMs >= previousMax && (d.addedMaxMs === null || d.addedMaxMs < d.removedMaxMs);
  if (top === null) maxWaitMs = 0;
  else if (binOf(maxWaitMs) > top || removedLargest) maxWaitMs = binValue(top);
  const [p50, p95] = quantiles(bins, [0.5, 0.95], maxWaitMs);
  return { ...key, ...counts, maxWaitMs, p50WaitMs: p50 ?? 0, p95WaitMs: p95 ?? 0, bins };
}

function pickCounts(row: ApprovalCounts): ApprovalCounts {
  return {
    requests: row.requests,
    approved: row.approved,
    rejected: row.rejected,
    timedOut: row.timedOut,
    escalated: row.escalated,
    waitSumMs: row.waitSumMs,
  };
}

/** Sums rows (e.g. minute rows into a 5-minute bucket, or every row of an alert window). */
export function mergeApprovalRows(rows: readonly (ApprovalCounts & { maxWaitMs: number; bins: Bins })[]): ApprovalCounts & { maxWaitMs: number; bins: Bins } {
  const total = { ...emptyCounts(), maxWaitMs: 0, bins: new Map() as Bins };
  for (const row of rows) {
    for (const column of Object.keys(emptyCounts()) as (keyof ApprovalCounts)[]) total[column] += row[column];
    total.maxWaitMs = Math.max(total.maxWaitMs, row.maxWaitMs);
    mergeBins(total.bins, row.bins);
  }
  return total;
}
