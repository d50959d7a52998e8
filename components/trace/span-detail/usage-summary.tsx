import { CostText } from "@/components/ui/cost-text";
import { formatTokensExact } from "@/lib/format/tokens";
import { pickModelParameters, stringifyValue } from "@/lib/trace/span-content";
import type { UsageAggregate } from "@/lib/trace/subtree-aggregates";
import type { Span } from "@/lib/trace/types";

const COST_SOURCE: Record<string, string> = {
  reported: "reported by the instrumentation on the span",
  computed: "computed from the price table (tokens × price per million)",
};

/** Model, parameters, token breakdown and cost of a span, with its subtree's totals for parents. */
export function UsageSummary({ span, aggregate, hasChildren }: { span: Span; aggregate: UsageAggregate; hasChildren: boolean }) {
  const parameters = pickModelParameters(span.attributes);
  const rows: [string, string][] = [
    ["Input tokens", formatTokensExact(span.inputTokens)],
    ["  cache read", formatTokensExact(span.cacheReadTokens)],
    ["  cache write", formatTokensExact(span.cacheWriteTokens)],
    ["Output tokens", formatTokensExact(span.outputTokens)],
    ["  reasoning", formatTokensExact(span.reasoningTokens)],
  ];
  const isUsageSpan = span.kind === "llm" || span.kind === "embedding" || span.inputTokens != null || span.costUsd != null;

  return (
    <div className="flex flex-col gap-3 text-xs" data-testid="usage-summary">
      <dl className="grid grid-cols-[9rem_1fr] gap-y-1">
        <dt className="text-fg-muted">Model</dt>
        <dd className="font-mono">{span.model ?? "—"}</dd>
        <dt className="text-fg-muted">Provider</dt>
        <dd>{span.provider ?? "—"}</dd>
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="whitespace-pre text-fg-muted">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
        {isUsageSpan ? (
          <>
            <dt className="text-fg-muted">Cost</dt>
            <dd>
              <CostText usd={span.costUsd} />
              <span className="ml-2 text-fg-muted">
                {span.costSource ? COST_SOURCE[span.costSource] : span.costUsd == null ? "no price known for this model" : ""}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      {hasChildren ? (
        <dl className="grid grid-cols-[9rem_1fr] gap-y-1 border-t border-line pt-2" data-testid="subtree-summary">
          <dt className="text-fg-muted">Subtree spans</dt>
          <dd className="tabular-nums">
            {aggregate.spanCount} ({aggregate.errorCount} errors)
          </dd>
          <dt className="text-fg-muted">Subtree tokens</dt>
          <dd className="tabular-nums">
            {formatTokensExact(aggregate.inputTokens)} in / {formatTokensExact(aggregate.outputTokens)} out
          </dd>
          <dt className="text-fg-muted">Subtree cost</dt>
          <dd>{aggregate.costUsd == null && !aggregate.hasUnpriced ? "—" : <CostText usd={aggregate.costUsd} hasUnpriced={aggregate.hasUnpriced} />}</dd>
        </dl>
      ) : null}
      {parameters.length > 0 ? (
        <div>
          <h3 className="mb-1 font-semibold tracking-wide text-fg-muted uppercase">Parameters</h3>
          <dl className="grid grid-cols-[9rem_1fr] gap-y-1">
            {parameters.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-fg-muted">{key}</dt>
                <dd className="font-mono break-all">{stringifyValue(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
