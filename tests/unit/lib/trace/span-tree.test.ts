import { describe, expect, it } from "vitest";
import { buildSpanTree, pickInitialSpanId, type SpanNode } from "@/lib/trace/span-tree";
import { makeSpan, ORIGIN_MS } from "./make-span";

/** "a(b(c),d)" style outline of the tree, orphans marked with "!". */
function outline(nodes: SpanNode[]): string {
  return nodes.map((n) => `${n.spanId}${n.isOrphan ? "!" : ""}${n.children.length ? `(${outline(n.children)})` : ""}`).join(",");
}

describe("buildSpanTree", () => {
  it.each([
    { name: "empty", spans: [], expected: "" },
    { name: "single root", spans: [makeSpan("a", null)], expected: "a" },
    {
      name: "nested, children in start order",
      spans: [makeSpan("a", null, 0), makeSpan("c", "a", 5), makeSpan("b", "a", 1), makeSpan("d", "b", 2)],
      expected: "a(b(d),c)",
    },
    { name: "children before parents", spans: [makeSpan("c", "b", 3), makeSpan("b", "a", 2), makeSpan("a", null, 1)], expected: "a(b(c))" },
    { name: "missing parent → orphan after roots", spans: [makeSpan("x", "gone", 0), makeSpan("a", null, 1), makeSpan("y", "x", 2)], expected: "a,x!(y)" },
    { name: "two roots", spans: [makeSpan("a", null, 0), makeSpan("b", null, 1)], expected: "a,b" },
    { name: "self parent is a root", spans: [makeSpan("a", "a", 0)], expected: "a" },
    {
      name: "cycle is broken, nothing vanishes",
      spans: [makeSpan("r", null, 0), makeSpan("a", "b", 1), makeSpan("b", "a", 2), makeSpan("c", "a", 3)],
      expected: "r,a!(b,c)",
    },
    { name: "duplicate span ids are kept once", spans: [makeSpan("a", null, 0), makeSpan("a", null, 0)], expected: "a" },
    { name: "start ties keep input order", spans: [makeSpan("a", null, 0), makeSpan("z", "a", 1), makeSpan("m", "a", 1)], expected: "a(z,m)" },
  ])("$name", ({ spans, expected }) => {
    const tree = buildSpanTree(spans);
    expect(outline(tree.roots)).toBe(expected);
    expect(tree.nodes).toHaveLength(new Set(spans.map((s) => s.spanId)).size);
    tree.nodes.forEach((node, i) => expect(node.index).toBe(i));
  });

  it("computes depths, envelope and orphan count", () => {
    const tree = buildSpanTree([makeSpan("a", null, 10, 100), makeSpan("b", "a", 20, 200), makeSpan("c", "b", 30, 5), makeSpan("o", "nope", 0, 1)]);
    expect(tree.byId.get("c")?.depth).toBe(2);
    expect(tree.byId.get("o")?.depth).toBe(0);
    expect(tree.maxDepth).toBe(2);
    expect(tree.orphanCount).toBe(1);
    expect(tree.startMs).toBe(ORIGIN_MS);
    expect(tree.endMs).toBe(ORIGIN_MS + 220);
  });

  it("handles a 10,000-deep chain and 10,000 siblings without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => makeSpan(`s${i}`, i === 0 ? null : `s${i - 1}`, i));
    expect(buildSpanTree(chain).maxDepth).toBe(9_999);
    const flat = [makeSpan("root", null, 0), ...Array.from({ length: 10_000 }, (_, i) => makeSpan(`c${i}`, "root", 10_000 - i))];
    const tree = buildSpanTree(flat);
    expect(tree.roots[0]?.children).toHaveLength(10_000);
    expect(tree.roots[0]?.children[0]?.spanId).toBe("c9999");
  });
});

describe("pickInitialSpanId", () => {
  const tree = buildSpanTree([makeSpan("o", "missing", 0), makeSpan("r", null, 5), makeSpan("c", "r", 6)]);
  it.each([
    ["c", "c"],
    ["nope", "r"],
    [null, "r"],
  ])("requested %s → %s", (requested, expected) => {
    expect(pickInitialSpanId(tree, requested)).toBe(expected);
  });
  it("is null for an empty trace", () => {
    expect(pickInitialSpanId(buildSpanTree([]), null)).toBeNull();
  });
});
