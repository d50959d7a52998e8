// Turns the tree into the rows on screen: pre-order, skipping the descendants of collapsed nodes.
// Iterative (an explicit stack), so a 10,000-deep chain cannot overflow the call stack.
import type { SpanNode, SpanTree } from "@/lib/trace/span-tree";

/** Visible rows in pre-order; a node in `collapsed` is shown but its descendants are not. */
export function flattenVisibleRows(tree: Pick<SpanTree, "roots">, collapsed: ReadonlySet<string>): SpanNode[] {
  const rows: SpanNode[] = [];
  const stack: SpanNode[] = [];
  for (let i = tree.roots.length - 1; i >= 0; i--) stack.push(tree.roots[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    rows.push(node);
    if (collapsed.has(node.spanId)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return rows;
}

/** Ids of every node with children at or below `depth`, e.g. to start with only the top levels open. */
export function collapseBelowDepth(tree: Pick<SpanTree, "nodes">, depth: number): Set<string> {
  const collapsed = new Set<string>();
  for (const node of tree.nodes) if (node.depth >= depth && node.children.length > 0) collapsed.add(node.spanId);
  return collapsed;
}

/** Ids of the ancestors of a span, so selecting it from a link can expand the path to it. */
export function listAncestorIds(node: SpanNode | undefined): string[] {
  const ids: string[] = [];
  for (let current = node?.parent; current; current = current.parent) ids.push(current.spanId);
  return ids;
}
