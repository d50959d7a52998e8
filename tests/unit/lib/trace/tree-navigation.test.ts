import { describe, expect, it } from "vitest";
import { flattenVisibleRows } from "@/lib/trace/flatten-visible-rows";
import { buildSpanTree } from "@/lib/trace/span-tree";
import { navigateTree } from "@/lib/trace/tree-navigation";
import { makeSpan } from "./make-span";

// a ─ b ─ c
//   └ d
const tree = buildSpanTree([makeSpan("a", null, 0), makeSpan("b", "a", 1), makeSpan("c", "b", 2), makeSpan("d", "a", 3)]);

describe("navigateTree", () => {
  it.each([
    { key: "ArrowDown", selected: null, collapsed: [], expected: { selectId: "a" } },
    { key: "ArrowDown", selected: "a", collapsed: [], expected: { selectId: "b" } },
    { key: "ArrowDown", selected: "d", collapsed: [], expected: { selectId: "d" } },
    { key: "ArrowDown", selected: "b", collapsed: ["b"], expected: { selectId: "d" } },
    { key: "ArrowUp", selected: "a", collapsed: [], expected: { selectId: "a" } },
    { key: "ArrowUp", selected: "d", collapsed: [], expected: { selectId: "c" } },
    { key: "Home", selected: "d", collapsed: [], expected: { selectId: "a" } },
    { key: "End", selected: "a", collapsed: [], expected: { selectId: "d" } },
    { key: "PageDown", selected: "a", collapsed: [], expected: { selectId: "d" } },
    { key: "ArrowRight", selected: "b", collapsed: ["b"], expected: { expandId: "b" } },
    { key: "ArrowRight", selected: "b", collapsed: [], expected: { selectId: "c" } },
    { key: "ArrowRight", selected: "c", collapsed: [], expected: {} },
    { key: "ArrowLeft", selected: "b", collapsed: [], expected: { collapseId: "b" } },
    { key: "ArrowLeft", selected: "b", collapsed: ["b"], expected: { selectId: "a" } },
    { key: "ArrowLeft", selected: "c", collapsed: [], expected: { selectId: "b" } },
    { key: "ArrowLeft", selected: "a", collapsed: ["a"], expected: {} },
    { key: "Enter", selected: "a", collapsed: [], expected: { collapseId: "a" } },
    { key: " ", selected: "a", collapsed: ["a"], expected: { expandId: "a" } },
    { key: "Enter", selected: "d", collapsed: [], expected: {} },
    { key: "x", selected: "a", collapsed: [], expected: null },
  ])("$key on $selected (collapsed $collapsed)", ({ key, selected, collapsed, expected }) => {
    const set = new Set(collapsed);
    expect(navigateTree(key, flattenVisibleRows(tree, set), selected, set)).toEqual(expected);
  });

  it("does nothing on an empty tree", () => {
    expect(navigateTree("ArrowDown", [], null, new Set())).toBeNull();
  });
});
