// Wall-clock times. Server components format in the server's zone; client components show offsets
// from the trace start instead, so server and browser render the same text.

/** "2026-11-21 22:14:05.123" in the given IANA zone (default: the runtime's own). "—" when invalid. */
export function formatTimestamp(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const ms = String(date.getUTCMilliseconds()).padStart(3, "0");
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}.${ms}`;
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "12 d ago"; future times read as "just now". */
export function formatRelativeTime(iso: string, nowMs: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return "—";
  const seconds = Math.floor((nowMs - then) / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/**
 * The current time for a server render ("5 min ago", the resolved time range). Server components render
 * once per request, so reading the clock here is the request's time, not an impurity across re-renders.
 */
export function getRequestTimeMs(): number {
  return Date.now();
}
