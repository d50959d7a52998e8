// Per-node usage and cost for the tree: the node's own figures and its subtree's.
//
// Counting rule (the same as the trace totals of the API, TraceSummary in docs/api.md): tokens and cost of a subtree sum the `llm` and
// `embedding` spans that have no descendant carrying usage, so a wrapper that repeats its children's usage
// is not counted twice. A counted span that carries usage but has no cost makes the subtree "unpriced".
import type { SpanOutline } from "@/lib/trace/span-outline";
import type { SpanTree } from "@/lib/trace/span-tree";

export type UsageAggregate = {
  spanCount: number;
  errorCount: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum of the priced counted spans; null when none was priced. */
  costUsd: number | null;
  /** True when a counted span carrying usage could not be priced (so costUsd is a lower bound). */
  hasUnpriced: boolean;
};

const USAGE_KINDS = new Set(["llm", "embedding"]);

/** True when the span reports tokens or a cost of its own. */
export function hasUsage(span: Pick<SpanOutline, "inputTokens" | "outputTokens" | "costUsd">): boolean {
  return span.inputTokens != null || span.outputTokens != null || span.costUsd != null;
}

/**
 * Subtree aggregates for every node, indexed by `node.index`. Linear time: nodes are visited children
 * before parents using the reverse of an iterative pre-order.
 */
export function computeSubtreeAggregates(tree: Pick<SpanTree, "roots" | "nodes">): UsageAggregate[] {
  const count = tree.nodes.length;
  const result: UsageAggregate[] = new Array<UsageAggregate>(count);
  const descendantHasUsage = new Uint8Array(count);

  for (const node of preOrder(tree).reverse()) {
    const span = node.span;
    let below = 0;
    const agg: UsageAggregate = {
      spanCount: 1,
      errorCount: span.status === "error" ? 1 : 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: null,
      hasUnpriced: false,
    };
    for (const child of node.children) {
      const c = result[child.index]!;
      if (descendantHasUsage[child.index] || hasUsage(child.span)) below = 1;
      agg.spanCount += c.spanCount;
      agg.errorCount += c.errorCount;
      agg.inputTokens += c.inputTokens;
      agg.outputTokens += c.outputTokens;
      if (c.costUsd != null) agg.costUsd = (agg.costUsd ?? 0) + c.costUsd;
      if (c.hasUnpriced) agg.hasUnpriced = true;
    }
    descendantHasUsage[node.index] = below;
    if (!below && USAGE_KINDS.has(span.kind) && hasUsage(span)) {
      agg.inputTokens += span.inputTokens ?? 0;
      agg.outputTokens += span.outputTokens ?? 0;
      if (span.costUsd != null) agg.costUsd = (agg.costUsd ?? 0) + span.costUsd;
      else agg.hasUnpriced = true;
    }
    result[node.index] = agg;
  }
  return result;
}

function preOrder(tree: Pick<SpanTree, "roots">) {
  const out: SpanTree["nodes"] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
