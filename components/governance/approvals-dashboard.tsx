import Link from "next/link";
import { TimeBarChart } from "@/components/charts/time-bar-chart";
import { TimeLineChart } from "@/components/charts/time-line-chart";
import { ChoiceLinks } from "@/components/dashboards/choice-links";
import { StatTiles } from "@/components/dashboards/stat-tiles";
import type { TimeSeriesData } from "@/lib/format/chart";
import { formatDuration } from "@/lib/format/duration";
import { ApprovalGroupTable, type ApprovalGroupItem } from "./approval-group-table";

export type ApprovalsView = {
  windowMs: number;
  bucketLabel: string;
  groupNoun: string;
  groupBy: string;
  groupByOptions: { value: string; label: string; href: string }[];
  totals: { requests: number; approvalRate: number; rejectionRate: number; timedOut: number; p50WaitMs: number; p95WaitMs: number } | null;
  decisions: TimeSeriesData;
  rejectionRate: TimeSeriesData;
  p95Wait: TimeSeriesData;
  groups: ApprovalGroupItem[];
  /** Every trace of the window. */
  requestsHref: string;
  /** The approval requests list over the window: every request, then each decision. */
  requestLinks: { label: string; href: string }[];
};

const pct = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)} %`;

/** The approvals dashboard: how often humans were asked, what they decided, and how long the pipeline waited. */
export function ApprovalsDashboard({ view }: { view: ApprovalsView }) {
  const t = view.totals;
  return (
    <div className="flex flex-col gap-4">
      <StatTiles
        tiles={[
          { label: "Approval requests", value: (t?.requests ?? 0).toLocaleString("en-US") },
          { label: "Approved", value: t ? pct(t.approvalRate) : "—" },
          { label: "Rejected", value: t ? pct(t.rejectionRate) : "—", tone: t && t.rejectionRate > 0 ? "danger" : "default" },
          { label: "Timed out", value: (t?.timedOut ?? 0).toLocaleString("en-US"), tone: t && t.timedOut > 0 ? "danger" : "default" },
          { label: "Wait p50", value: t ? formatDuration(t.p50WaitMs) : "—" },
          { label: "Wait p95", value: t ? formatDuration(t.p95WaitMs) : "—" },
        ]}
      />
      <nav className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" aria-label="Approval requests" data-testid="approval-request-links">
        <span className="text-xs text-fg-muted">Approval requests:</span>
        {view.requestLinks.map((link) => (
          <Link key={link.label} href={link.href} className="text-accent hover:underline">
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ChoiceLinks label="Group by" options={view.groupByOptions} current={view.groupBy} testId="group-by" />
        <span className="text-xs text-fg-muted">
          {view.bucketLabel} buckets · click a point to open its traces ·{" "}
          <Link href={view.requestsHref} className="text-accent hover:underline">
            all traces
          </Link>
        </span>
      </div>
      <TimeBarChart
        title="Approval requests by decision"
        data={view.decisions}
        valueKind="count"
        windowMs={view.windowMs}
        height={220}
        testId="approval-decisions"
      />
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <TimeLineChart
          title={`Rejection rate by ${view.groupNoun}`}
          data={view.rejectionRate}
          valueKind="share"
          windowMs={view.windowMs}
          height={220}
          testId="approval-rejection-rate"
        />
        <TimeLineChart
          title={`p95 human wait by ${view.groupNoun}`}
          data={view.p95Wait}
          valueKind="duration"
          windowMs={view.windowMs}
          height={220}
          testId="approval-wait"
        />
      </div>
      <ApprovalGroupTable noun={view.groupNoun} items={view.groups} />
    </div>
  );
}
