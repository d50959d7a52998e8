import { describe, expect, it } from "vitest";
import { ApprovalDeltas, applyApprovalDelta, approvalRollupId, type ApprovalItem, type ApprovalRollupRow } from "@/lib/analytics/approval-rollup";

const item = (over: Partial<ApprovalItem> = {}): ApprovalItem => ({
  startMs: Date.UTC(2026, 0, 1, 10, 7),
  waitMs: 4_000,
  decision: "approved",
  action: "issue_refund",
  agentName: null,
  approver: "lead",
  task: "refunds",
  userId: null,
  ...over,
});

/** Applies transactions of deltas to a store of rows, as the writer does. */
function apply(store: Map<string, ApprovalRollupRow>, deltas: ApprovalDeltas): void {
  for (const d of deltas.changes()) store.set(approvalRollupId(d), applyApprovalDelta(store.get(approvalRollupId(d)) ?? null, d));
}
const row = (store: Map<string, ApprovalRollupRow>, dimension: string, granularity: string, group: string) =>
  [...store.values()].find((r) => r.dimension === dimension && r.granularity === granularity && r.group === group);

describe("approval rollups", () => {
  it("counts each approval once per dimension it has a value for, at every granularity, in its bucket", () => {
    const store = new Map<string, ApprovalRollupRow>();
    const deltas = new ApprovalDeltas();
    deltas.add(item(), 1);
    deltas.add(item({ decision: "rejected", waitMs: 9_000 }), 1);
    apply(store, deltas);
    expect(store.size).toBe(3 * 3 + 2); // action, approver, task × 1m, 1h, 1d; the map's gate × 1h, 1d
    expect(row(store, "action", "1h", "issue_refund")).toMatchObject({
      bucketStartMs: Date.UTC(2026, 0, 1, 10),
      requests: 2,
      approved: 1,
      rejected: 1,
      waitSumMs: 13_000,
    });
    expect(row(store, "agent", "1h", "")).toBeUndefined();
    expect(row(store, "gate", "1d", '["refunds","","issue_refund"]')).toMatchObject({ bucketStartMs: Date.UTC(2026, 0, 1), requests: 2, rejected: 1 });
    expect(row(store, "gate", "1m", '["refunds","","issue_refund"]')).toBeUndefined();
  });

  it("moves an approval whose agent became known: out of nothing, into the agent, the rest unchanged", () => {
    const store = new Map<string, ApprovalRollupRow>();
    const first = new ApprovalDeltas();
    first.add(item(), 1);
    apply(store, first);
    const moved = new ApprovalDeltas();
    moved.add(item(), -1);
    moved.add(item({ agentName: "refunds" }), 1);
    // The gate moves too: it is kept per agent.
    expect(moved.changes().map((d) => d.dimension)).toEqual(["gate", "gate", "agent", "agent", "agent", "gate", "gate"]);
    apply(store, moved);
    expect(row(store, "agent", "1d", "refunds")).toMatchObject({ requests: 1, approved: 1, maxWaitMs: 4_000 });
    expect(row(store, "task", "1d", "refunds")).toMatchObject({ requests: 1 });
  });

  it("empties a row whose last approval moved out", () => {
    const store = new Map<string, ApprovalRollupRow>();
    const first = new ApprovalDeltas();
    first.add(item(), 1);
    apply(store, first);
    const renamed = new ApprovalDeltas();
    renamed.add(item(), -1);
    renamed.add(item({ task: "refund-flow" }), 1);
    apply(store, renamed);
    expect(row(store, "task", "1h", "refunds")).toMatchObject({ requests: 0, p95WaitMs: 0 });
    expect(row(store, "task", "1h", "refund-flow")).toMatchObject({ requests: 1 });
  });
});
