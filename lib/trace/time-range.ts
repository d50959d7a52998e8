// The time range shared by every page, kept in the URL: `range=<preset>` or a custom `from`/`to` (ISO 8601).

export const TIME_RANGE_PRESETS = [
  { value: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "6h", label: "Last 6 hours", ms: 6 * 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 24 * 3_600_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
  { value: "all", label: "All time", ms: null },
] as const;

export type TimeRangePreset = (typeof TIME_RANGE_PRESETS)[number]["value"];
export const DEFAULT_TIME_RANGE: TimeRangePreset = "24h";
/** Search parameters that carry the time range; links between pages keep them. */
export const TIME_RANGE_PARAMS = ["range", "from", "to"] as const;

export type ResolvedTimeRange = {
  preset: TimeRangePreset | "custom";
  label: string;
  /** ISO strings, absent when unbounded. */
  from?: string;
  to?: string;
};

/**
 * Resolves the URL's time range at `nowMs`. A valid custom `from` (and optional `to`) wins over `range`;
 * an unknown preset falls back to the default.
 */
export function resolveTimeRange(params: { range?: string | null; from?: string | null; to?: string | null }, nowMs: number): ResolvedTimeRange {
  const from = parseIso(params.from);
  const to = parseIso(params.to);
  if (from || to) {
    return { preset: "custom", label: "Custom range", ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  const preset = TIME_RANGE_PRESETS.find((p) => p.value === params.range) ?? TIME_RANGE_PRESETS.find((p) => p.value === DEFAULT_TIME_RANGE)!;
  if (preset.ms === null) return { preset: preset.value, label: preset.label };
  return { preset: preset.value, label: preset.label, from: new Date(nowMs - preset.ms).toISOString() };
}

function parseIso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
