// Token counts: compact in tables and tree rows, exact in the span detail panel.

/** Compact token count: "950", "1.2k", "12.3k", "123k", "1.23M". "—" when unknown. */
export function formatTokens(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) return "—";
  const n = Math.round(count);
  if (Math.abs(n) < 1000) return String(n);
  if (Math.abs(n) < 999_500) {
    const k = n / 1000;
    return `${trimZero(k.toFixed(Math.abs(k) < 100 ? 1 : 0))}k`;
  }
  return `${trimZero((n / 1_000_000).toFixed(2))}M`;
}

/** Exact token count with thousands separators: "1,234,567". "—" when unknown. */
export function formatTokensExact(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) return "—";
  return Math.round(count).toLocaleString("en-US");
}

function trimZero(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
