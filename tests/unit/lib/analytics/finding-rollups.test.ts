// Findings rollups: what a trace's findings add, by dimension, type and granularity, and the exact change
// when a trace's findings or its keys change (old contribution out, new one in).
import { describe, expect, it } from "vitest";
import {
  contributionChange,
  findingContributions,
  mergeDeltas,
  type FindingBasis,
  type FindingRollupDelta,
  type RolledFinding,
} from "@/lib/analytics/finding-rollups";

const HOUR = 3_600_000;
const basis: FindingBasis = { startMs: 10 * 24 * HOUR + 5 * HOUR + 1234, task: "refunds", agent: "support", userId: null };
const loop: RolledFinding = { type: "tool_loop", toolName: "lookup_order", wastedMs: 300, wastedCostUsd: 0.25 };
const failure: RolledFinding = { type: "failure", toolName: "charge_card", failureMode: "tool_error", wastedMs: 0, wastedCostUsd: 0 };
const unpricedLoop: RolledFinding = { type: "tool_loop", toolName: "search", wastedMs: 100, wastedCostUsd: null };

const rows = (findings: RolledFinding[], b = basis) => [...findingContributions(findings, b).values()];
const pick = (all: FindingRollupDelta[], dimension: string, granularity: string, groupKey: string, findingType: string) =>
  all.find((r) => r.dimension === dimension && r.granularity === granularity && r.groupKey === groupKey && r.findingType === findingType);

describe("findingContributions", () => {
  it("adds each finding under its type and '*', per dimension and kept granularity, bucketed by the trace's start", () => {
    const all = rows([loop, failure]);
    expect(pick(all, "all", "1h", "", "tool_loop")).toEqual({
      dimension: "all",
      granularity: "1h",
      bucketStartMs: 10 * 24 * HOUR + 5 * HOUR,
      groupKey: "",
      findingType: "tool_loop",
      traces: 1,
      occurrences: 1,
      wastedMs: 300,
      wastedCostUsd: 0.25,
      pricedCount: 1,
    });
    // The trace counts once under '*' however many findings it has.
    expect(pick(all, "task", "1d", "refunds", "*")).toMatchObject({
      bucketStartMs: 10 * 24 * HOUR,
      traces: 1,
      occurrences: 2,
      wastedMs: 300,
      wastedCostUsd: 0.25,
      pricedCount: 2,
    });
    expect(pick(all, "tool", "1h", "charge_card", "failure")).toMatchObject({ occurrences: 1 });
    expect(pick(all, "failureMode", "1h", "tool_error", "*")).toMatchObject({ occurrences: 1 });
    // Minute rows only where alerts read them; no user dimension without a user.
    expect(pick(all, "agent", "1m", "support", "*")).toBeDefined();
    expect(pick(all, "tool", "1m", "lookup_order", "*")).toBeUndefined();
    expect(all.some((r) => r.dimension === "user")).toBe(false);
    expect(all.some((r) => r.dimension === "failureMode" && r.groupKey === "lookup_order")).toBe(false);
  });

  it("keeps unpriced waste out of the cost and of the priced count", () => {
    expect(pick(rows([unpricedLoop]), "all", "1h", "", "tool_loop")).toMatchObject({ occurrences: 1, wastedMs: 100, wastedCostUsd: 0, pricedCount: 0 });
  });

  it("adds nothing for a trace without findings", () => {
    expect(rows([])).toEqual([]);
  });
});

describe("contributionChange", () => {
  it("moves a re-analysed trace from its old findings to its new ones, and leaves equal rows alone", () => {
    const before = findingContributions([loop], basis);
    const after = findingContributions([{ ...loop, wastedMs: 500, wastedCostUsd: 0.5 }, failure], basis);
    const change = contributionChange(before, after);
    expect(pick(change, "all", "1h", "", "tool_loop")).toMatchObject({ traces: 0, occurrences: 0, wastedMs: 200, wastedCostUsd: 0.25, pricedCount: 0 });
    expect(pick(change, "all", "1h", "", "failure")).toMatchObject({ traces: 1, occurrences: 1 });
    expect(pick(change, "task", "1h", "refunds", "*")).toMatchObject({ traces: 0, occurrences: 1, wastedMs: 200 });
    expect(contributionChange(before, findingContributions([loop], basis))).toEqual([]);
  });

  it("takes everything out of the old keys when the trace's name or start moved", () => {
    const before = findingContributions([loop], { ...basis, task: "chat gpt-4o-mini", agent: null });
    const change = contributionChange(before, findingContributions([loop], basis));
    expect(pick(change, "task", "1h", "chat gpt-4o-mini", "tool_loop")).toMatchObject({
      traces: -1,
      occurrences: -1,
      wastedMs: -300,
      wastedCostUsd: -0.25,
      pricedCount: -1,
    });
    expect(pick(change, "task", "1h", "refunds", "tool_loop")).toMatchObject({ traces: 1, occurrences: 1 });
    expect(pick(change, "agent", "1h", "support", "tool_loop")).toMatchObject({ traces: 1 });
    // Applying every change of a history leaves exactly the last contribution.
    const totals = new Map<string, number>();
    for (const [prev, next] of [
      [new Map(), before],
      [before, findingContributions([loop], basis)],
    ] as const) {
      for (const d of contributionChange(prev, next))
        totals.set(
          `${d.dimension}/${d.granularity}/${d.groupKey}/${d.findingType}`,
          (totals.get(`${d.dimension}/${d.granularity}/${d.groupKey}/${d.findingType}`) ?? 0) + d.occurrences,
        );
    }
    expect(totals.get("task/1h/chat gpt-4o-mini/tool_loop")).toBe(0);
    expect(totals.get("task/1h/refunds/tool_loop")).toBe(1);
  });
});

describe("mergeDeltas", () => {
  it("sums the deltas of a batch of traces row by row and drops rows that cancel out", () => {
    const other = { ...basis, agent: "billing" };
    const merged = mergeDeltas([
      ...contributionChange(new Map(), findingContributions([loop], basis)),
      ...contributionChange(new Map(), findingContributions([loop], other)),
      ...contributionChange(findingContributions([failure], basis), new Map()),
      ...contributionChange(new Map(), findingContributions([failure], basis)),
    ]);
    expect(pick(merged, "all", "1h", "", "tool_loop")).toMatchObject({ traces: 2, occurrences: 2, wastedMs: 600, wastedCostUsd: 0.5, pricedCount: 2 });
    expect(pick(merged, "agent", "1h", "billing", "tool_loop")).toMatchObject({ traces: 1 });
    expect(pick(merged, "all", "1h", "", "failure")).toBeUndefined();
  });
});
