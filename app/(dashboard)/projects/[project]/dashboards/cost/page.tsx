import type { Metadata } from "next";
import { CostDashboard } from "@/components/dashboards/cost-dashboard";
import { UnpricedNotice } from "@/components/dashboards/unpriced-notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatBucketLabel } from "@/lib/format/chart";
import { getRequestTimeMs } from "@/lib/format/time";
import { buildTracesHref } from "@/lib/format/traces-href";
import { getCostDashboard } from "@/lib/data/dashboards/dashboard-cost";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { listModelChanges } from "@/lib/data/governance/model-changes";
import { countUnpricedRuns } from "@/lib/data/analytics/unpriced-runs";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Cost" };

export default async function CostPage({ params, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await params).project);
  const timeWindow = await resolveDashboardWindow(scope, await searchParams, getRequestTimeMs(), projectPath(project.slug, "/traces"));
  const [data, unpriced, modelChanges] = await Promise.all([
    getCostDashboard(scope, timeWindow),
    countUnpricedRuns(scope, timeWindow.fromMs, timeWindow.toMs),
    listModelChanges(scope, { fromMs: timeWindow.fromMs, toMs: timeWindow.toMs }),
  ]);
  return (
    <>
      <PageHeader title="Cost" subtitle={`Cost per task, waste, breakdowns and token usage · ${timeWindow.label}`} />
      <UnpricedNotice unpriced={unpriced} total={data.totals.runs} />
      <CostDashboard
        view={{
          ...data,
          modelChanges,
          fromMs: timeWindow.fromMs,
          toMs: timeWindow.toMs,
          bucketLabel: formatBucketLabel(data.bucket),
          allTracesHref: buildTracesHref(timeWindow.tracesPath, { sort: "cost" }, timeWindow.fromMs, timeWindow.toMs),
        }}
      />
    </>
  );
}
