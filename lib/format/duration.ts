// Human-readable durations for tables, tree rows and the timeline axis.

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Formats a duration in milliseconds: "420 µs", "4.3 ms", "123 ms", "1.24 s", "12.3 s", "2m 05s", "1h 02m", "1d 3h".
 * Returns "—" for null, negative or non-finite input (a span with no end yet).
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms === 0) return "0 ms";
  if (ms < 1) {
    const us = Math.round(ms * 1000);
    return us >= 1000 ? "1.0 ms" : `${Math.max(us, 1)} µs`;
  }
  if (ms < 10) return `${trimZero(ms.toFixed(1))} ms`;
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (Number(seconds.toFixed(2)) < 10) return `${seconds.toFixed(2)} s`;
  if (Number(seconds.toFixed(1)) < 60) return `${seconds.toFixed(1)} s`;
  if (ms < HOUR_MS) {
    const total = Math.round(seconds);
    const m = Math.floor(total / 60);
    const s = total % 60;
    if (m >= 60) return "1h 00m";
    return `${m}m ${pad2(s)}s`;
  }
  if (ms < DAY_MS) {
    const totalMinutes = Math.round(ms / MINUTE_MS);
    const h = Math.floor(totalMinutes / 60);
    const m = totalMinutes % 60;
    if (h >= 24) return "1d 0h";
    return `${h}h ${pad2(m)}m`;
  }
  const totalHours = Math.round(ms / HOUR_MS);
  return `${Math.floor(totalHours / 24)}d ${totalHours % 24}h`;
}

/**
 * Formats an offset on the timeline axis, choosing one unit for the whole axis so ticks line up:
 * `formatAxisOffset(1500, 4000)` → "1.5 s", `formatAxisOffset(20, 80)` → "20 ms".
 */
export function formatAxisOffset(offsetMs: number, spanMs: number): string {
  if (offsetMs === 0) return "0";
  if (spanMs < 1) return `${trimZero((offsetMs * 1000).toFixed(0))} µs`;
  if (spanMs < 2_000) return `${trimZero(offsetMs.toFixed(spanMs < 10 ? 2 : 0))} ms`;
  if (spanMs < 2 * MINUTE_MS) return `${trimZero((offsetMs / 1000).toFixed(spanMs < 10_000 ? 2 : 1))} s`;
  if (spanMs < 2 * HOUR_MS) return `${trimZero((offsetMs / MINUTE_MS).toFixed(1))} min`;
  return `${trimZero((offsetMs / HOUR_MS).toFixed(1))} h`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function trimZero(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
