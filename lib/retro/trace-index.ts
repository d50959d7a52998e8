// The one view of a trace that every retro algorithm starts from, built in O(n log n).
//
// Invariants:
// - Spans are deduplicated by spanId (the first one given wins) and ordered by (start, spanId), so nothing
//   downstream depends on the order spans arrived in.
// - Times are nanosecond offsets from the earliest start, as doubles: exact for traces shorter than 104 days.
//   A span that ends before it starts is treated as ending at its start.
// - A span whose parent is missing is top-level (an orphan); so is one span of each parent cycle (untrusted
//   input may say A→B→A), the first of the cycle in start order. `roots` lists every top-level span in
//   start order; `children` lists are in start order.
// - `kinds` are the effective kinds: a span carrying `hindsight.approval.decision` is an `approval`.
// - `covered` marks spans with a descendant carrying usage: such llm/embedding spans repeat their
//   children's usage and are not counted (the trace totals' rule).
import type { RetroKind, RetroSpan } from "@/lib/retro/types";

export type TraceIndex = {
  spans: RetroSpan[];
  /** Index of each span id in `spans`. */
  position: Map<string, number>;
  originNs: bigint;
  start: Float64Array;
  end: Float64Array;
  kinds: RetroKind[];
  /** Index of the parent, -1 for top-level spans. */
  parent: Int32Array;
  /** Children of each span in start order (read-only: leaves share one empty list). */
  children: readonly (readonly number[])[];
  roots: readonly number[];
  depth: Int32Array;
  /** Every span once, parents before children, siblings in start order. */
  preorder: Int32Array;
  covered: Uint8Array;
};

export const APPROVAL_DECISION = "hindsight.approval.decision";

/** The span's kind, or `approval` when it carries an approval decision. */
export function effectiveKind(span: Pick<RetroSpan, "kind" | "attributes">): RetroKind {
  return typeof span.attributes[APPROVAL_DECISION] === "string" ? "approval" : span.kind;
}

/** Usage as the trace totals see it: tokens, or a cost the span reported itself. */
export function carriesUsage(span: Pick<RetroSpan, "inputTokens" | "outputTokens" | "costSource">): boolean {
  return span.inputTokens !== null || span.outputTokens !== null || span.costSource === "reported";
}

/** Builds the index of one trace's spans (see the header for the invariants). */
export function indexTrace(input: readonly RetroSpan[]): TraceIndex {
  const unique: RetroSpan[] = [];
  const position = new Map<string, number>(); // first the position in `unique`, then in `spans`
  let originNs: bigint | null = null;
  for (const span of input) {
    if (position.has(span.spanId)) continue;
    position.set(span.spanId, unique.length);
    unique.push(span);
    if (originNs === null || span.startNs < originNs) originNs = span.startNs;
  }
  const origin = originNs ?? 0n;
  // Bigint arithmetic once per span, then plain numbers: sorting by bigint comparisons costs several times more.
  const startOf = new Float64Array(unique.length);
  for (let k = 0; k < unique.length; k++) startOf[k] = Number(unique[k]!.startNs - origin);
  const order = Array.from(unique.keys()).sort((a, b) => startOf[a]! - startOf[b]! || compareIds(unique[a]!.spanId, unique[b]!.spanId));

  const n = unique.length;
  const spans: RetroSpan[] = new Array<RetroSpan>(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const kinds: RetroKind[] = new Array<RetroKind>(n);
  for (let i = 0; i < n; i++) {
    const span = (spans[i] = unique[order[i]!]!);
    start[i] = startOf[order[i]!]!;
    end[i] = span.endNs > span.startNs ? Number(span.endNs - origin) : start[i]!;
    kinds[i] = effectiveKind(span);
    position.set(span.spanId, i);
  }
  const parent = linkParents(spans, position);
  // Most spans are leaves: they share one empty list instead of allocating their own.
  const children: number[][] = new Array<number[]>(n).fill(NO_CHILDREN);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p < 0) roots.push(i);
    else if (children[p] === NO_CHILDREN) children[p] = [i];
    else children[p]!.push(i);
  }
  const { preorder, depth } = walkPreorder(roots, children, n);
  return { spans, position, originNs: origin, start, end, kinds, parent, children, roots, depth, preorder, covered: markCovered(spans, parent, preorder) };
}

const NO_CHILDREN: number[] = [];
Object.freeze(NO_CHILDREN);

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Parent indices with missing parents and cycles cut (the first span of a cycle in start order becomes top-level). */
function linkParents(spans: RetroSpan[], position: Map<string, number>): Int32Array {
  const n = spans.length;
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const parentId = spans[i]!.parentSpanId;
    const p = parentId === null ? undefined : position.get(parentId);
    if (p !== undefined && p !== i) parent[i] = p;
  }
  // 0 unvisited, 1 on the current walk, 2 known to reach a top-level span.
  const state = new Uint8Array(n);
  const walk: number[] = [];
  for (let i = 0; i < n; i++) {
    let current = i;
    while (current >= 0 && state[current] === 0) {
      state[current] = 1;
      walk.push(current);
      current = parent[current]!;
    }
    if (current >= 0 && state[current] === 1) {
      // `current` is on this walk: a cycle. Cut it at its member that comes first in start order.
      let first = current;
      for (let k = walk.indexOf(current); k < walk.length; k++) first = Math.min(first, walk[k]!);
      parent[first] = -1;
    }
    for (const visited of walk) state[visited] = 2;
    walk.length = 0;
  }
  return parent;
}

function walkPreorder(roots: readonly number[], children: readonly (readonly number[])[], n: number): { preorder: Int32Array; depth: Int32Array } {
  const preorder = new Int32Array(n);
  const depth = new Int32Array(n);
  const stack: number[] = [];
  for (let r = roots.length - 1; r >= 0; r--) stack.push(roots[r]!);
  let k = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    preorder[k++] = i;
    const kids = children[i]!;
    for (let c = kids.length - 1; c >= 0; c--) {
      depth[kids[c]!] = depth[i]! + 1;
      stack.push(kids[c]!);
    }
  }
  return { preorder, depth };
}

function markCovered(spans: RetroSpan[], parent: Int32Array, preorder: Int32Array): Uint8Array {
  const covered = new Uint8Array(spans.length);
  for (let k = preorder.length - 1; k >= 0; k--) {
    const i = preorder[k]!;
    const p = parent[i]!;
    if (p >= 0 && (covered[i] || carriesUsage(spans[i]!))) covered[p] = 1;
  }
  return covered;
}

/** Iterates over the strict descendants of `i` (pre-order). */
export function* descendants(index: Pick<TraceIndex, "children">, i: number): Generator<number> {
  const stack = [...index.children[i]!].reverse();
  while (stack.length > 0) {
    const j = stack.pop()!;
    yield j;
    const kids = index.children[j]!;
    for (let c = kids.length - 1; c >= 0; c--) stack.push(kids[c]!);
  }
}
