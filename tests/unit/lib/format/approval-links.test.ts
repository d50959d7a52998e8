import { describe, expect, it } from "vitest";
import { buildApprovalRequestsHref, buildApprovalsDashboardHref } from "@/lib/format/approval-links";

describe("links between the Approvals dashboard and the approval requests", () => {
  it("opens the requests of what was clicked over the dashboard's window", () => {
    const href = buildApprovalRequestsHref("/projects/p/approvals", { decision: "rejected", action: "issue refund", agent: "" }, 0, 86_400_000);
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/projects/p/approvals");
    expect([...url.searchParams]).toEqual([
      ["from", "1970-01-01T00:00:00.000Z"],
      ["to", "1970-01-02T00:00:00.000Z"],
      ["action", "issue refund"],
      ["decision", "rejected"],
    ]);
  });

  it("goes back with the list's time range, grouped by what the list filters on", () => {
    const back = (query: string) => buildApprovalsDashboardHref("/projects/p/dashboards/approvals", new URLSearchParams(query));
    expect(back("range=7d&approver=dana&decision=approved&cursor=abc")).toBe("/projects/p/dashboards/approvals?range=7d&groupBy=approver");
    expect(back("from=2026-01-01T00%3A00%3A00.000Z&agent=refunds&action=pay")).toBe(
      "/projects/p/dashboards/approvals?from=2026-01-01T00%3A00%3A00.000Z&groupBy=action",
    );
    expect(back("task=t")).toBe("/projects/p/dashboards/approvals");
  });
});
