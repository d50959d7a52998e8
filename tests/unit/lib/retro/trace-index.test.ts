import { describe, expect, it } from "vitest";
import { indexTrace } from "@/lib/retro/trace-index";
import { llm, span } from "./make-retro-span";

const ids = (index: ReturnType<typeof indexTrace>, list: readonly number[]) => list.map((i) => index.spans[i]!.spanId);

describe("indexTrace", () => {
  it("orders spans by start then id, keeps the first of duplicate ids, and links children in start order", () => {
    const index = indexTrace([
      span("c", "root", 20, 5),
      span("root", null, 0, 100),
      span("b", "root", 10, 5),
      span("a", "root", 10, 5),
      span("b", "root", 99, 1),
    ]);
    expect(index.spans.map((s) => s.spanId)).toEqual(["root", "a", "b", "c"]);
    expect(index.spans[2]!.startNs).toBe(index.originNs + 10_000_000n);
    expect(ids(index, index.children[0]!)).toEqual(["a", "b", "c"]);
    expect(Array.from(index.depth)).toEqual([0, 1, 1, 1]);
    expect(Array.from(index.start)).toEqual([0, 10e6, 10e6, 20e6]);
  });

  it("makes orphans top-level and cuts parent cycles at their earliest span", () => {
    const index = indexTrace([span("x", "y", 5, 10), span("y", "x", 6, 10), span("orphan", "missing", 1, 1), span("self", "self", 2, 1)]);
    expect(ids(index, index.roots)).toEqual(["orphan", "self", "x"]);
    expect(ids(index, index.children[index.position.get("x")!]!)).toEqual(["y"]);
    expect(Array.from(index.preorder, (i) => index.spans[i]!.spanId)).toEqual(["orphan", "self", "x", "y"]);
    // Entered from outside (z hangs below the cycle), the cycle is still cut at its earliest span, x.
    const entered = indexTrace([span("z", "y", 1, 1), span("x", "y", 5, 10), span("y", "x", 6, 10)]);
    expect(ids(entered, entered.roots)).toEqual(["x"]);
    expect(Array.from(entered.depth)).toEqual([2, 0, 1]);
  });

  it("treats approval spans as their own kind and marks wrappers that repeat their children's usage", () => {
    const index = indexTrace([
      llm("wrapper", null, 0, 100, { inputTokens: 200 }),
      llm("call", "wrapper", 1, 50),
      span("approve", null, 200, 10, { kind: "tool", attributes: { "hindsight.approval.decision": "approved" } }),
    ]);
    expect(index.kinds).toEqual(["llm", "llm", "approval"]);
    expect(Array.from(index.covered)).toEqual([1, 0, 0]);
  });

  it("treats a span that ends before it starts as ending at its start", () => {
    const index = indexTrace([{ ...span("bad", null, 10, 5), endNs: span("x", null, 0, 0).startNs }]);
    expect([index.start[0], index.end[0]]).toEqual([0, 0]);
  });
});
