// Sign-in throttling: 10 failed sign-ins for one email or one client address within 10 minutes block
// further attempts (429 with Retry-After) until the oldest of them leaves the window. Pure.
import type { FailureCounts } from "@/lib/data/access/sign-in-failures";

export const THROTTLE_WINDOW_MS = 10 * 60_000;
export const THROTTLE_LIMIT = 10;

/** Seconds until another attempt is allowed, or null when attempts are allowed now. */
export function retryAfterSeconds(counts: FailureCounts, nowMs: number): number | null {
  const waits: number[] = [];
  if (counts.byEmail >= THROTTLE_LIMIT && counts.oldestEmailMs !== null) waits.push(counts.oldestEmailMs + THROTTLE_WINDOW_MS - nowMs);
  if (counts.byIp >= THROTTLE_LIMIT && counts.oldestIpMs !== null) waits.push(counts.oldestIpMs + THROTTLE_WINDOW_MS - nowMs);
  if (waits.length === 0) return null;
  return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}
