// Signed differences of a trace diff (b − a): "+1.20 s", "−$0.040", "+120". Zero shows as an empty
// difference ("·"), so what changed stands out. Safe on client and server.
import { formatDuration } from "./duration";
import { formatCost } from "./money";

export const NO_CHANGE = "·";

const sign = (value: number) => (value > 0 ? "+" : "−");

export function formatDurationDelta(ms: number): string {
  return ms === 0 || !Number.isFinite(ms) ? NO_CHANGE : `${sign(ms)}${formatDuration(Math.abs(ms))}`;
}

/** null: one side could not be priced. */
export function formatCostDelta(usd: number | null): string {
  if (usd === null) return "unpriced";
  return usd === 0 || !Number.isFinite(usd) ? NO_CHANGE : `${sign(usd)}${formatCost(Math.abs(usd))}`;
}

export function formatCountDelta(n: number): string {
  return n === 0 || !Number.isFinite(n) ? NO_CHANGE : `${sign(n)}${Math.abs(n).toLocaleString("en-US")}`;
}

/** "up", "down" or "none": the colour of a difference (more time, cost or calls is worse). */
export function deltaTone(value: number | null): "up" | "down" | "none" {
  if (value === null || value === 0 || !Number.isFinite(value)) return "none";
  return value > 0 ? "up" : "down";
}
