import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalRequestFilters } from "@/components/governance/approval-request-filters";
import { ApprovalRequestTable } from "@/components/governance/approval-request-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listApprovalRequests } from "@/lib/data/governance/approval-list";
import { buildApprovalsDashboardHref } from "@/lib/format/approval-links";
import { projectPath } from "@/lib/format/project-path";
import { getRequestTimeMs } from "@/lib/format/time";
import { parseApprovalListParams } from "@/lib/trace/approval-list-params";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { resolveTimeRange, TIME_RANGE_PARAMS } from "@/lib/trace/time-range";
import { buildHref, toUrlSearchParams } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Approval requests" };

const FILTERS = ["decision", "action", "agent", "approver", "task", "userId"] as const;

export default async function ApprovalRequestsPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = toUrlSearchParams(await searchParams);
  const path = projectPath(project.slug, "/approvals");
  // The shared time range (a preset or from/to) becomes the list's from/to.
  const range = resolveTimeRange({ range: params.get("range"), from: params.get("from"), to: params.get("to") }, getRequestTimeMs());
  const listParams = new URLSearchParams(params);
  for (const key of TIME_RANGE_PARAMS) listParams.delete(key);
  if (range.from) listParams.set("from", range.from);
  if (range.to) listParams.set("to", range.to);
  const query = parseApprovalListParams(listParams, { ignoreUnknown: true });
  const page = query.ok ? await listApprovalRequests(scope, query) : null;
  const values: Record<string, string> = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) values[key] = value;
  }
  const timeRange: Record<string, string> = {};
  for (const key of TIME_RANGE_PARAMS) {
    const value = params.get(key);
    if (value) timeRange[key] = value;
  }
  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader
        title="Approval requests"
        subtitle={`Every human approval: what was asked, the decision, who decided and how long it took · ${range.label}`}
      />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <ApprovalRequestFilters action={path} values={values} timeRange={timeRange} />
        <Link
          href={buildApprovalsDashboardHref(projectPath(project.slug, "/dashboards/approvals"), params)}
          className="text-sm text-accent hover:underline"
          data-testid="approvals-dashboard-link"
        >
          Approval rates and waits →
        </Link>
      </div>
      {query.ok ? null : (
        <p className="text-sm text-danger" role="alert">
          {query.parameter}: {query.message}
        </p>
      )}
      {page ? <ApprovalRequestTable requests={page.data} /> : null}
      {page?.nextCursor ? (
        <a href={buildHref(path, params, { cursor: page.nextCursor })} className="text-sm text-accent hover:underline">
          Older requests →
        </a>
      ) : null}
    </div>
  );
}
