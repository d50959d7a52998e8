// The figures printed on each explorer row, computed once per trace (not per render) so rows receive
// ready-made strings as primitive props.
import { formatDuration } from "@/lib/format/duration";
import { formatCost, UNPRICED_LABEL } from "@/lib/format/money";
import { formatTokens } from "@/lib/format/tokens";
import type { SpanNode, SpanTree } from "@/lib/trace/span-tree";
import type { UsageAggregate } from "@/lib/trace/subtree-aggregates";

export type RowFigures = {
  durationText: string;
  /** "" when the span (or subtree) has no tokens. */
  tokensText: string;
  /** "" when nothing in it costs anything; "unpriced" or "$0.12+" when a price is unknown. */
  costText: string;
  /** True for parents: tokens and cost are their subtree's. */
  isAggregate: boolean;
  isCostUnknown: boolean;
};

/** Row figures for every node, indexed by `node.index`. */
export function buildRowFigures(tree: Pick<SpanTree, "nodes">, aggregates: readonly UsageAggregate[]): RowFigures[] {
  return tree.nodes.map((node) => computeRowFigures(node, aggregates[node.index]));
}

/**
 * The figures of one row: parents show their subtree's totals, leaves their own. Cheap enough to call for
 * the visible rows on each render, so a 10,000-span trace formats only what is on screen.
 */
export function computeRowFigures(node: SpanNode, agg: UsageAggregate | undefined): RowFigures {
  const span = node.span;
  const isAggregate = node.children.length > 0;
  let tokens: number | null = null;
  let cost: number | null = null;
  let hasUnpriced = false;
  if (isAggregate && agg) {
    tokens = agg.inputTokens + agg.outputTokens > 0 ? agg.inputTokens + agg.outputTokens : null;
    cost = agg.costUsd;
    hasUnpriced = agg.hasUnpriced;
  } else {
    tokens = span.inputTokens == null && span.outputTokens == null ? null : (span.inputTokens ?? 0) + (span.outputTokens ?? 0);
    cost = span.costUsd;
    hasUnpriced = cost == null && Boolean(agg?.hasUnpriced);
  }
  return {
    durationText: formatDuration(span.durationMs),
    tokensText: tokens == null ? "" : formatTokens(tokens),
    costText: formatRowCost(cost, hasUnpriced),
    isAggregate,
    isCostUnknown: hasUnpriced,
  };
}

function formatRowCost(cost: number | null, hasUnpriced: boolean): string {
  if (cost == null) return hasUnpriced ? UNPRICED_LABEL : "";
  return hasUnpriced ? `${formatCost(cost)}+` : formatCost(cost);
}
