// Names and units of alert metrics and scopes (lib/alerts/rule-schema.ts), for the alerts page.
import { formatDuration } from "./duration";
import { formatCost } from "./money";

export const METRIC_LABELS: Record<string, string> = {
  cost_per_run: "Cost per run",
  cost_per_hour: "Cost per hour",
  cost_per_day: "Cost per day",
  p95_latency_ms: "p95 latency",
  error_rate: "Error rate",
  loop_rate: "Runs with a tool loop",
  wasted_cost_per_hour: "Wasted cost per hour",
};

/** What a threshold of `metric` is measured in, for form hints. */
export const METRIC_UNITS: Record<string, string> = {
  cost_per_run: "USD",
  cost_per_hour: "USD",
  cost_per_day: "USD",
  p95_latency_ms: "ms",
  error_rate: "fraction: 0.05 = 5 %",
  loop_rate: "fraction: 0.05 = 5 %",
  wasted_cost_per_hour: "USD",
};

export const SCOPE_LABELS: Record<string, string> = { all: "All traces", task: "Task", agent: "Agent", user: "User" };

/** A value of `metric`: "$0.0042", "1.24 s", "5.0 %". "—" for null. */
export function formatMetricValue(metric: string, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  if (metric === "p95_latency_ms") return formatDuration(value);
  if (metric === "error_rate" || metric === "loop_rate") return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;
  return formatCost(value);
}

/** "Task checkout", "All traces". */
export function formatScope(scope: string, scopeValue: string | null): string {
  return scope === "all" || !scopeValue ? (SCOPE_LABELS.all ?? "All traces") : `${SCOPE_LABELS[scope] ?? scope} ${scopeValue}`;
}
