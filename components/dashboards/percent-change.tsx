import { formatChartValue } from "@/lib/format/chart";

/** A change in %: rises read as worse (cost, latency, errors), shown red; falls green; under 5 % muted. */
export function PercentChange({ pct }: { pct: number | null }) {
  if (pct === null) return <span className="text-fg-muted">—</span>;
  const tone = Math.abs(pct) < 5 ? "text-fg-muted" : pct > 0 ? "text-danger" : "text-ok";
  return <span className={`tabular-nums ${tone}`}>{formatChartValue("percent", pct)}</span>;
}
