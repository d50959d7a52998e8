// Keyboard navigation of the span tree (WAI-ARIA tree pattern), as a pure function of the visible rows.
import type { SpanNode } from "@/lib/trace/span-tree";

export type TreeAction = { selectId?: string; expandId?: string; collapseId?: string };

const PAGE_ROWS = 20;

/**
 * What a key does: ↑/↓ move, → expands or enters the first child, ← collapses or goes to the parent,
 * Home/End jump, PageUp/PageDown move by a page, Enter/Space toggles. Null for keys it does not handle.
 */
export function navigateTree(key: string, rows: readonly SpanNode[], selectedId: string | null, collapsed: ReadonlySet<string>): TreeAction | null {
  if (rows.length === 0) return null;
  const index = selectedId ? rows.findIndex((row) => row.spanId === selectedId) : -1;
  const node = index >= 0 ? rows[index]! : null;
  const at = (i: number): TreeAction => ({ selectId: rows[Math.min(Math.max(i, 0), rows.length - 1)]!.spanId });

  switch (key) {
    case "ArrowDown":
      return at(index + 1);
    case "ArrowUp":
      return index < 0 ? at(0) : at(index - 1);
    case "Home":
      return at(0);
    case "End":
      return at(rows.length - 1);
    case "PageDown":
      return at(index + PAGE_ROWS);
    case "PageUp":
      return at(index - PAGE_ROWS);
    case "ArrowRight":
      if (!node) return at(0);
      if (node.children.length === 0) return {};
      return collapsed.has(node.spanId) ? { expandId: node.spanId } : { selectId: node.children[0]!.spanId };
    case "ArrowLeft":
      if (!node) return at(0);
      if (node.children.length > 0 && !collapsed.has(node.spanId)) return { collapseId: node.spanId };
      return node.parent ? { selectId: node.parent.spanId } : {};
    case "Enter":
    case " ":
      if (!node || node.children.length === 0) return {};
      return collapsed.has(node.spanId) ? { expandId: node.spanId } : { collapseId: node.spanId };
    default:
      return null;
  }
}
