import type { Metadata } from "next";
import { ApprovalsDashboard } from "@/components/governance/approvals-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { APPROVAL_GROUP_BY } from "@/lib/analytics/approval-series";
import { parseChoice } from "@/lib/analytics/dashboard-shape";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getApprovalsDashboard } from "@/lib/data/dashboards/dashboard-approvals";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { formatBucketLabel } from "@/lib/format/chart";
import { projectPath } from "@/lib/format/project-path";
import { getRequestTimeMs } from "@/lib/format/time";
import { buildApprovalRequestsHref, type ApprovalRequestFilter } from "@/lib/format/approval-links";
import { buildTracesHref } from "@/lib/format/traces-href";
import { APPROVAL_DECISIONS } from "@/lib/trace/approval-list-types";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { buildHref, firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Approvals" };

const GROUP_LABELS = { action: "Action", agent: "Agent", approver: "Approver" } as const;

export default async function ApprovalsPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = await searchParams;
  const tracesPath = projectPath(project.slug, "/traces");
  const timeWindow = await resolveDashboardWindow(scope, params, getRequestTimeMs(), tracesPath);
  const groupBy = parseChoice(firstParam(params, "groupBy"), APPROVAL_GROUP_BY, "action");
  const data = await getApprovalsDashboard(scope, timeWindow, groupBy);
  const link = (changes: Record<string, string>) => buildHref(projectPath(project.slug, "/dashboards/approvals"), params, changes);
  // The trace list filters by agent; other groups open the window's traces.
  const tracesOf = (filter: Record<string, string>) => buildTracesHref(tracesPath, filter, timeWindow.fromMs, timeWindow.toMs);
  const requestsPath = projectPath(project.slug, "/approvals");
  const requestsOf = (filter: ApprovalRequestFilter) => buildApprovalRequestsHref(requestsPath, filter, timeWindow.fromMs, timeWindow.toMs);

  return (
    <>
      <PageHeader title="Approvals" subtitle={`Human approval gates: requests, decisions and the wait · ${timeWindow.label}`} />
      <ApprovalsDashboard
        view={{
          windowMs: timeWindow.toMs - timeWindow.fromMs,
          bucketLabel: formatBucketLabel(data.bucket),
          groupNoun: GROUP_LABELS[groupBy].toLowerCase(),
          groupBy,
          groupByOptions: APPROVAL_GROUP_BY.map((value) => ({ value, label: GROUP_LABELS[value], href: link({ groupBy: value }) })),
          totals: data.totals,
          decisions: data.decisions,
          rejectionRate: data.rejectionRate,
          p95Wait: data.p95Wait,
          groups: data.groups.map((g) => ({
            ...g,
            href: requestsOf({ [groupBy]: g.group }),
            tracesHref: tracesOf(groupBy === "agent" ? { agent: g.group } : {}),
          })),
          requestsHref: tracesOf({}),
          requestLinks: [
            { label: "all", href: requestsOf({}) },
            ...APPROVAL_DECISIONS.map((decision) => ({ label: decision.replace("_", " "), href: requestsOf({ decision }) })),
          ],
        }}
      />
    </>
  );
}
