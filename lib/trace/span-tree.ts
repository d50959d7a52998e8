// Builds the span hierarchy of one trace in linear time (plus one sort when the input is not in start order).
//
// Invariants of the result:
// - Every distinct spanId of the input appears exactly once; nothing vanishes.
// - Children are ordered by start time, ties by input order.
// - A span whose parent never arrived is an orphan: it becomes top-level, after the real roots, flagged
//   `isOrphan`. So is one span of each parent cycle (untrusted input may contain A→B→A), which breaks it.
// - `depth` is 0 for top-level nodes; `index` is the node's position in `nodes` (start order).
import type { SpanOutline } from "@/lib/trace/span-outline";

export type SpanNode = {
  span: SpanOutline;
  spanId: string;
  index: number;
  parent: SpanNode | null;
  children: SpanNode[];
  depth: number;
  isOrphan: boolean;
  startMs: number;
  endMs: number;
};

export type SpanTree = {
  /** Real roots first, then orphans, each group in start order. */
  roots: SpanNode[];
  /** Every node, in start order. */
  nodes: SpanNode[];
  byId: Map<string, SpanNode>;
  orphanCount: number;
  maxDepth: number;
  /** Envelope of all spans (ms since epoch); 0…0 for an empty trace. */
  startMs: number;
  endMs: number;
};

/** Builds the tree of a trace's spans. See the header comment for the invariants. */
export function buildSpanTree(spans: readonly SpanOutline[]): SpanTree {
  const nodes = createNodes(spans);
  const byId = new Map<string, SpanNode>();
  for (const node of nodes) byId.set(node.spanId, node);

  const roots: SpanNode[] = [];
  const orphans: SpanNode[] = [];
  for (const node of nodes) {
    const parentId = node.span.parentSpanId;
    const parent = parentId && parentId !== node.spanId ? byId.get(parentId) : undefined;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else if (parentId && parentId !== node.spanId) {
      node.isOrphan = true;
      orphans.push(node);
    } else {
      roots.push(node);
    }
  }

  const visited = new Uint8Array(nodes.length);
  let maxDepth = assignDepths([...roots, ...orphans], visited);
  const cycleBreakers = breakCycles(nodes, visited);
  if (cycleBreakers.length > 0) {
    maxDepth = Math.max(maxDepth, assignDepths(cycleBreakers, visited));
    orphans.push(...cycleBreakers);
    orphans.sort(byStart);
  }

  let startMs = Infinity;
  let endMs = -Infinity;
  for (const node of nodes) {
    if (node.startMs < startMs) startMs = node.startMs;
    if (node.endMs > endMs) endMs = node.endMs;
  }
  if (nodes.length === 0) startMs = endMs = 0;

  return { roots: [...roots, ...orphans], nodes, byId, orphanCount: orphans.length, maxDepth, startMs, endMs };
}

function createNodes(spans: readonly SpanOutline[]): SpanNode[] {
  const seen = new Set<string>();
  const nodes: SpanNode[] = [];
  let isSorted = true;
  for (const span of spans) {
    if (seen.has(span.spanId)) continue; // stored once per (traceId, spanId); a duplicate adds nothing
    seen.add(span.spanId);
    const parsed = Date.parse(span.startTime);
    const startMs = Number.isFinite(parsed) ? parsed : 0;
    const endMs = startMs + (Number.isFinite(span.durationMs) ? Math.max(0, span.durationMs) : 0);
    const node: SpanNode = { span, spanId: span.spanId, index: 0, parent: null, children: [], depth: 0, isOrphan: false, startMs, endMs };
    const previous = nodes[nodes.length - 1];
    if (previous && previous.startMs > startMs) isSorted = false;
    nodes.push(node);
  }
  if (!isSorted) nodes.sort(byStart); // Array#sort is stable, so ties keep input order
  nodes.forEach((node, i) => (node.index = i));
  return nodes;
}

function byStart(a: SpanNode, b: SpanNode): number {
  return a.startMs - b.startMs || a.index - b.index;
}

/** Iterative DFS from the given tops; sets depth and marks visited. Returns the deepest depth seen. */
function assignDepths(tops: readonly SpanNode[], visited: Uint8Array): number {
  let maxDepth = 0;
  const stack: SpanNode[] = [];
  for (const top of tops) {
    top.depth = 0;
    stack.push(top);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (visited[node.index]) continue;
      visited[node.index] = 1;
      if (node.depth > maxDepth) maxDepth = node.depth;
      for (const child of node.children) {
        child.depth = node.depth + 1;
        stack.push(child);
      }
    }
  }
  return maxDepth;
}

/**
 * Nodes not reached from a root or orphan hang on a parent cycle. For each such component, walk up the
 * parent chain to a node on the cycle and detach it; it becomes an orphan. Each node is walked at most once.
 */
function breakCycles(nodes: readonly SpanNode[], visited: Uint8Array): SpanNode[] {
  const breakers: SpanNode[] = [];
  const walkedBy = new Int32Array(nodes.length).fill(-1);
  for (const start of nodes) {
    if (visited[start.index]) continue;
    let node = start;
    while (node.parent && !visited[node.index] && walkedBy[node.index] !== start.index) {
      walkedBy[node.index] = start.index;
      node = node.parent;
    }
    if (visited[node.index]) continue; // reached an already-resolved component
    const parent = node.parent;
    if (parent) parent.children.splice(parent.children.indexOf(node), 1);
    node.parent = null;
    node.isOrphan = true;
    breakers.push(node);
    assignDepths([node], visited);
  }
  return breakers;
}

/** The span selected when a trace opens: the one asked for (e.g. `?span=`) if present, else the first root. */
export function pickInitialSpanId(tree: Pick<SpanTree, "roots" | "byId">, requested: string | null | undefined): string | null {
  if (requested && tree.byId.has(requested)) return requested;
  return tree.roots[0]?.spanId ?? null;
}
