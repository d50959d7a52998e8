// Shapes and formatting of dashboard chart data. lib/data/dashboards/* fill these shapes on the server;
// the client chart components (components/charts) only render them. Safe on client and server.
import { formatDuration } from "./duration";
import { formatCost } from "./money";
import { formatTokens } from "./tokens";

/** What a chart's numbers are, so a client component can format them without a function prop. */
/** `percent` is a signed change ("+12 %"), `share` a part of a whole in % ("12 %"). */
export type ValueKind = "duration" | "usd" | "tokens" | "count" | "percent" | "share" | "score";

/** Filters of the /traces page a chart element links to (the time window is added on click). */
export type TraceLinkFilter = Partial<
  Record<
    "name" | "agent" | "model" | "tool" | "userId" | "sessionId" | "status" | "sort" | "finding" | "failureMode" | "graphNode" | "graphEdge" | "tag",
    string
  >
>;

/** One line or bar stack. `key` is a safe data key (`s0`, `s1`…): group names may hold dots, which Recharts reads as paths. */
export type ChartSeries = { key: string; label: string; color: string; filter: TraceLinkFilter; isDashed?: boolean };

/** One time bucket: `t` is its UTC start (ms); each series key holds a value, or null for "no data". */
export type TimeRow = { t: number; [seriesKey: string]: number | null };

/** A time chart's data: one row per bucket of the window, in order. */
export type TimeSeriesData = { rows: TimeRow[]; series: ChartSeries[]; bucketMs: number };

/** One bar of a ranking (cost by agent…). */
export type RankedItem = { label: string; value: number; filter: TraceLinkFilter; detail?: string };

/**
 * Series colours: Tailwind's 500 shades, which keep their contrast on both the light and the dark
 * background (the theme can follow the OS without a class, so per-theme CSS variables are not an option).
 */
export const SERIES_COLORS = ["#6366f1", "#f59e0b", "#10b981", "#0ea5e9", "#f43f5e", "#a855f7", "#14b8a6", "#f97316", "#84cc16", "#ec4899"] as const;

/** Colour of the i-th series (the palette repeats). */
export function getSeriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** A chart value for axes and tooltips; "—" for null. */
export function formatChartValue(kind: ValueKind, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  switch (kind) {
    case "duration":
      return formatDuration(value);
    case "usd":
      return formatCost(value);
    case "tokens":
      return formatTokens(value);
    case "percent":
      return `${value > 0 ? "+" : ""}${value.toFixed(Math.abs(value) < 10 ? 1 : 0)} %`;
    case "share":
      return `${value.toFixed(value > 0 && value < 10 ? 1 : 0)} %`;
    case "count":
      return Math.round(value).toLocaleString("en-US");
    case "score":
      return String(Math.round(value * 1000) / 1000);
  }
}

const DAY_MS = 86_400_000;

/**
 * Label of a bucket on a time axis, in `timeZone` (default: the runtime's): "14:05" for buckets under a
 * day in a window of at most a day, "Nov 21 14:00" for those in longer windows, "Nov 21" for day buckets.
 */
export function formatTimeTick(ms: number, bucketMs: number, windowMs: number, timeZone?: string): string {
  const date = new Date(ms);
  const day = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(date);
  if (bucketMs >= DAY_MS) return day;
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  return windowMs > DAY_MS ? `${day} ${time}` : time;
}

const BUCKET_LABELS: Record<string, string> = { "1m": "1-minute", "5m": "5-minute", "1h": "Hourly", "1d": "Daily" };

/** "5-minute", "Hourly"… for a bucket of the analytics API. */
export function formatBucketLabel(bucket: string): string {
  return BUCKET_LABELS[bucket] ?? bucket;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Tick spacings a time axis may use, finest first. */
const TICK_STEPS = [
  MINUTE_MS,
  5 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
];

/**
 * Round-time ticks for a time axis over [startMs, endMs) of `bucketMs` buckets: every `step` (a multiple
 * of the bucket, so each tick is a bucket start), the finest step giving at most `maxTicks` ticks.
 */
export function buildTimeTicks(startMs: number, endMs: number, bucketMs: number, maxTicks: number): number[] {
  const candidates = TICK_STEPS.filter((s) => s >= bucketMs && s % bucketMs === 0);
  const step = candidates.find((s) => (endMs - startMs) / s <= maxTicks) ?? Math.ceil((endMs - startMs) / maxTicks / bucketMs) * bucketMs;
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / step) * step; t < endMs; t += step) ticks.push(t);
  return ticks;
}
