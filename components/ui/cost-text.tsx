import { formatCost } from "@/lib/format/money";

/** A cost; "unpriced" (never $0) when nothing could be priced, with a hint saying why. */
export function CostText({ usd, hasUnpriced = false }: { usd: number | null; hasUnpriced?: boolean }) {
  const isUnknown = usd == null || hasUnpriced;
  return (
    <span className={isUnknown ? "text-warn" : undefined} title={isUnknown ? "Some LLM calls use a model with no known price" : undefined}>
      {formatCost(usd, { hasUnpriced })}
    </span>
  );
}
