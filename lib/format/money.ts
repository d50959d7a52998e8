// Costs in US dollars. An unknown price is never shown as $0: it is "unpriced", as the API's `costUsd: null`
// (docs/api.md, TraceSummary and Span).

export const UNPRICED_LABEL = "unpriced";

/**
 * Formats a cost: "$12.34", "$0.123", "$0.0042", "$0.0000012", "$0.00".
 * `null` means nothing could be priced → "unpriced". With `hasUnpriced` a known partial
 * cost becomes a lower bound: "$0.123 + unpriced".
 */
export function formatCost(usd: number | null | undefined, options: { hasUnpriced?: boolean } = {}): string {
  if (usd == null || !Number.isFinite(usd)) return UNPRICED_LABEL;
  const text = formatUsd(usd);
  return options.hasUnpriced ? `${text} + ${UNPRICED_LABEL}` : text;
}

function formatUsd(usd: number): string {
  const sign = usd < 0 ? "-" : "";
  const abs = Math.abs(usd);
  if (abs === 0) return "$0.00";
  if (abs >= 1) return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (abs >= 0.01) return `${sign}$${abs.toFixed(3)}`;
  // Tiny per-call costs: keep two significant digits instead of rounding to $0.00.
  const digits = Math.min(20, Math.max(4, 1 - Math.floor(Math.log10(abs))));
  return `${sign}$${trimZero(abs.toFixed(digits), 4)}`;
}

/** Strips trailing zeros but keeps at least `minDecimals` decimals. */
function trimZero(text: string, minDecimals: number): string {
  const [whole, fraction = ""] = text.split(".");
  let end = fraction.length;
  while (end > minDecimals && fraction[end - 1] === "0") end--;
  return `${whole}.${fraction.slice(0, end)}`;
}
