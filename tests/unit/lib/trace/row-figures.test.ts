import { describe, expect, it } from "vitest";
import { buildRowFigures } from "@/lib/trace/row-figures";
import { buildSpanTree } from "@/lib/trace/span-tree";
import { computeSubtreeAggregates } from "@/lib/trace/subtree-aggregates";
import { makeSpan } from "./make-span";

const tree = buildSpanTree([
  makeSpan("agent", null, 0, 2500, { kind: "agent" }),
  makeSpan("llm1", "agent", 1, 800, { kind: "llm", inputTokens: 1200, outputTokens: 34, costUsd: 0.0042 }),
  makeSpan("tool", "agent", 900, 120, { kind: "tool" }),
  makeSpan("llm2", "agent", 1100, 300, { kind: "llm", inputTokens: 10, outputTokens: 5, costUsd: null }),
  makeSpan("chain", null, 3000, 5, { kind: "chain" }),
  makeSpan("llm3", "chain", 3001, 2, { kind: "llm", inputTokens: 1, outputTokens: 1, costUsd: null }),
]);
const figures = buildRowFigures(tree, computeSubtreeAggregates(tree));
const of = (id: string) => figures[tree.byId.get(id)!.index];

describe("buildRowFigures", () => {
  it.each([
    ["agent", { durationText: "2.50 s", tokensText: "1.2k", costText: "$0.0042+", isAggregate: true, isCostUnknown: true }],
    ["llm1", { durationText: "800 ms", tokensText: "1.2k", costText: "$0.0042", isAggregate: false, isCostUnknown: false }],
    ["tool", { durationText: "120 ms", tokensText: "", costText: "", isAggregate: false, isCostUnknown: false }],
    ["llm2", { durationText: "300 ms", tokensText: "15", costText: "unpriced", isAggregate: false, isCostUnknown: true }],
    ["chain", { durationText: "5 ms", tokensText: "2", costText: "unpriced", isAggregate: true, isCostUnknown: true }],
  ])("%s", (id, expected) => {
    expect(of(id)).toEqual(expected);
  });
});
