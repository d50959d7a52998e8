import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickBaseline, stepSequence, stepSequenceSimilarity } from "@/lib/retro/step-similarity";
import { agent, llm, span, tool } from "./make-retro-span";

describe("step sequences", () => {
  it("lists a run's step signatures in tree pre-order, models left out", () => {
    const spans = [
      agent("root", null, 0, 100, "support"),
      tool("t", "root", 50, 10, "lookup_order", {}),
      llm("l", "root", 0, 40, { name: "chat gpt-4o-mini", model: "gpt-4o-mini", attributes: {} }),
      span("s", "l", 5, 5, { kind: "chain", name: "parse" }),
    ];
    expect(stepSequence(spans)).toEqual(["agent:support", "llm:chat", "chain:parse", "tool:lookup_order"]);
  });

  it("rates similarity 2·LCS/(|a|+|b|): 1 for the same steps, 0 for none in common", () => {
    expect(stepSequenceSimilarity(["a", "b", "c"], ["a", "b", "c"])).toBe(1);
    expect(stepSequenceSimilarity(["a", "b"], ["c", "d"])).toBe(0);
    expect(stepSequenceSimilarity(["a", "b", "c", "d"], ["a", "c", "d", "e"])).toBe(0.75);
    expect(stepSequenceSimilarity(["a", "b"], ["b", "a"])).toBe(0.5); // order counts
    expect(stepSequenceSimilarity([], [])).toBe(1);
    const spans = [agent("root", null, 0, 100, "support"), tool("t", "root", 50, 10, "lookup_order", {})];
    expect(stepSequenceSimilarity(spans, ["agent:support"])).toBeCloseTo(2 / 3, 10);
  });

  it("rates two long runs with too many differences to align by the steps they share", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `step${i % 7}`);
    const b = [...a].reverse(); // thousands of differences in order, the same steps
    expect(stepSequenceSimilarity(a, b)).toBe(1);
    expect(
      stepSequenceSimilarity(
        a,
        a.map((s) => `${s}x`),
      ),
    ).toBe(0);
  });

  it("picks the most similar candidate, the earlier one on a tie", () => {
    const target = ["agent:x", "llm:chat", "tool:search", "llm:chat"];
    const candidates = [
      { traceId: "far", steps: ["agent:x", "tool:other"] },
      { traceId: "near", steps: ["agent:x", "llm:chat", "tool:search"] },
      { traceId: "near-too", steps: ["agent:x", "llm:chat", "tool:search"] },
    ];
    expect(pickBaseline(target, candidates)).toEqual({ traceId: "near", similarity: 6 / 7 });
    expect(pickBaseline(target, [])).toBeNull();
  });

  it("picks what an exhaustive comparison picks, though it aligns fewer candidates", () => {
    const steps = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 12 });
    fc.assert(
      fc.property(steps, fc.array(steps, { maxLength: 8 }), (target, others) => {
        const candidates = others.map((s, i) => ({ traceId: `t${i}`, steps: s }));
        let best: { traceId: string; similarity: number } | null = null;
        for (const c of candidates) {
          const similarity = stepSequenceSimilarity(target, c.steps);
          if (!best || similarity > best.similarity) best = { traceId: c.traceId, similarity };
        }
        expect(pickBaseline(target, candidates)).toEqual(best);
      }),
    );
  });
});
