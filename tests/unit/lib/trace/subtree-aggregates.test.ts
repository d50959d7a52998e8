import { describe, expect, it } from "vitest";
import { buildSpanTree } from "@/lib/trace/span-tree";
import { computeSubtreeAggregates, type UsageAggregate } from "@/lib/trace/subtree-aggregates";
import type { Span } from "@/lib/trace/types";
import { makeSpan } from "./make-span";

function llm(id: string, parent: string | null, input: number, output: number, cost: number | null, extra: Partial<Span> = {}) {
  return makeSpan(id, parent, 1, 10, { kind: "llm", inputTokens: input, outputTokens: output, costUsd: cost, ...extra });
}

function aggregateOf(spans: Span[], id: string): UsageAggregate {
  const tree = buildSpanTree(spans);
  return computeSubtreeAggregates(tree)[tree.byId.get(id)!.index]!;
}

describe("computeSubtreeAggregates", () => {
  it.each([
    {
      name: "sums llm children of an agent",
      spans: [makeSpan("a", null, 0, 10, { kind: "agent" }), llm("l1", "a", 100, 20, 0.01), llm("l2", "a", 50, 5, 0.02)],
      id: "a",
      expected: { spanCount: 3, errorCount: 0, inputTokens: 150, outputTokens: 25, costUsd: 0.03, hasUnpriced: false },
    },
    {
      name: "a wrapper repeating its child's usage is not counted twice",
      spans: [llm("wrap", null, 100, 20, 0.01, { kind: "chain" }), llm("inner", "wrap", 100, 20, 0.01)],
      id: "wrap",
      expected: { spanCount: 2, errorCount: 0, inputTokens: 100, outputTokens: 20, costUsd: 0.01, hasUnpriced: false },
    },
    {
      name: "an llm wrapper over an llm child counts the child only",
      spans: [llm("outer", null, 999, 999, 9), llm("inner", "outer", 10, 1, 0.001)],
      id: "outer",
      expected: { spanCount: 2, errorCount: 0, inputTokens: 10, outputTokens: 1, costUsd: 0.001, hasUnpriced: false },
    },
    {
      name: "unknown price makes the subtree unpriced, known part still summed",
      spans: [makeSpan("a", null, 0), llm("l1", "a", 10, 1, null), llm("l2", "a", 10, 1, 0.5)],
      id: "a",
      expected: { spanCount: 3, errorCount: 0, inputTokens: 20, outputTokens: 2, costUsd: 0.5, hasUnpriced: true },
    },
    {
      name: "nothing priced → null cost",
      spans: [makeSpan("a", null, 0), llm("l1", "a", 10, 1, null)],
      id: "a",
      expected: { spanCount: 2, errorCount: 0, inputTokens: 10, outputTokens: 1, costUsd: null, hasUnpriced: true },
    },
    {
      name: "no usage at all → null cost, not unpriced; errors counted",
      spans: [makeSpan("a", null, 0), makeSpan("t", "a", 1, 5, { kind: "tool", status: "error" })],
      id: "a",
      expected: { spanCount: 2, errorCount: 1, inputTokens: 0, outputTokens: 0, costUsd: null, hasUnpriced: false },
    },
    {
      name: "leaf llm counts itself",
      spans: [llm("l", null, 7, 3, 0.25)],
      id: "l",
      expected: { spanCount: 1, errorCount: 0, inputTokens: 7, outputTokens: 3, costUsd: 0.25, hasUnpriced: false },
    },
  ])("$name", ({ spans, id, expected }) => {
    const agg = aggregateOf(spans, id);
    expect({ ...agg, costUsd: agg.costUsd == null ? null : Number(agg.costUsd.toFixed(6)) }).toEqual(expected);
  });

  // Speed is bench:ui's to measure; this proves a 10,000-deep chain neither overflows the stack nor miscounts.
  it("aggregates a chain 10,000 spans deep", () => {
    const spans = [makeSpan("root", null, 0), ...Array.from({ length: 10_000 }, (_, i) => llm(`l${i}`, i === 0 ? "root" : `l${i - 1}`, 1, 1, 0.001))];
    const tree = buildSpanTree(spans);
    const aggs = computeSubtreeAggregates(tree);
    expect(aggs[tree.byId.get("root")!.index]?.spanCount).toBe(10_001);
    // Each llm has an llm descendant except the deepest, so only that one counts.
    expect(aggs[tree.byId.get("root")!.index]?.inputTokens).toBe(1);
  });
});
