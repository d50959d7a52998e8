// Links between the Approvals dashboard, the approval requests list and the map's gates: the list filtered
// to what was clicked over the dashboard's window, and the dashboard back with the list's time range,
// grouped by what the list was filtered on. Safe on client and server.
import type { ApprovalGroupBy } from "@/lib/analytics/approval-series";
import { TIME_RANGE_PARAMS } from "@/lib/trace/time-range";

/** The list's filters a dashboard or map element can set. */
export type ApprovalRequestFilter = Partial<Record<"decision" | "action" | "agent" | "approver" | "task", string>>;

/** `<requestsPath>?…` for `filter` over [fromMs, toMs) as a custom range; parameters in a fixed order. */
export function buildApprovalRequestsHref(requestsPath: string, filter: ApprovalRequestFilter, fromMs: number, toMs: number): string {
  const params = new URLSearchParams();
  params.set("from", new Date(fromMs).toISOString());
  params.set("to", new Date(toMs).toISOString());
  for (const key of Object.keys(filter).sort() as (keyof ApprovalRequestFilter)[]) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return `${requestsPath}?${params.toString()}`;
}

const GROUPS: readonly ApprovalGroupBy[] = ["action", "agent", "approver"];

/** The dashboard with the list's time range, grouped by the first of action, agent, approver the list filters on. */
export function buildApprovalsDashboardHref(dashboardPath: string, listParams: URLSearchParams): string {
  const params = new URLSearchParams();
  for (const key of TIME_RANGE_PARAMS) {
    const value = listParams.get(key);
    if (value) params.set(key, value);
  }
  const groupBy = GROUPS.find((g) => listParams.get(g));
  if (groupBy) params.set("groupBy", groupBy);
  const query = params.toString();
  return query ? `${dashboardPath}?${query}` : dashboardPath;
}
