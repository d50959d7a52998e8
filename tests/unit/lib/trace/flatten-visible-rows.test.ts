import { describe, expect, it } from "vitest";
import { collapseBelowDepth, flattenVisibleRows, listAncestorIds } from "@/lib/trace/flatten-visible-rows";
import { buildSpanTree } from "@/lib/trace/span-tree";
import { makeSpan } from "./make-span";

// a ─ b ─ d
//   └ c ─ e
// o (orphan)
const tree = buildSpanTree([
  makeSpan("a", null, 0),
  makeSpan("b", "a", 1),
  makeSpan("d", "b", 2),
  makeSpan("c", "a", 3),
  makeSpan("e", "c", 4),
  makeSpan("o", "missing", 5),
]);

describe("flattenVisibleRows", () => {
  it.each([
    { collapsed: [], expected: "a b d c e o" },
    { collapsed: ["a"], expected: "a o" },
    { collapsed: ["b"], expected: "a b c e o" },
    { collapsed: ["b", "c"], expected: "a b c o" },
    { collapsed: ["d", "e"], expected: "a b d c e o" },
    { collapsed: ["unknown"], expected: "a b d c e o" },
  ])("collapsed $collapsed → $expected", ({ collapsed, expected }) => {
    const rows = flattenVisibleRows(tree, new Set(collapsed));
    expect(rows.map((r) => r.spanId).join(" ")).toBe(expected);
  });

  it("keeps depth for indentation", () => {
    expect(flattenVisibleRows(tree, new Set()).map((r) => r.depth)).toEqual([0, 1, 2, 1, 2, 0]);
  });
});

describe("collapseBelowDepth", () => {
  it.each([
    [0, ["a", "b", "c"]],
    [1, ["b", "c"]],
    [2, []],
  ])("depth %i → %j", (depth, expected) => {
    expect([...collapseBelowDepth(tree, depth)].sort()).toEqual(expected);
  });
});

describe("listAncestorIds", () => {
  it.each([
    ["e", ["c", "a"]],
    ["a", []],
    ["o", []],
  ])("%s → %j", (id, expected) => {
    expect(listAncestorIds(tree.byId.get(id))).toEqual(expected);
  });
});
