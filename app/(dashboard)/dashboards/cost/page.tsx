import type { Metadata } from "next";
import { CostDashboard } from "@/components/dashboards/cost-dashboard";
import { UnpricedNotice } from "@/components/dashboards/unpriced-notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatBucketLabel } from "@/lib/format/chart";
import { getRequestTimeMs } from "@/lib/format/time";
import { buildTracesHref } from "@/lib/format/traces-href";
import { getCostDashboard } from "@/lib/data/dashboards/dashboard-cost";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { countUnpricedRuns } from "@/lib/data/analytics/unpriced-runs";
import type { SearchParamsRecord } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Cost" };

export default async function CostPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const timeWindow = await resolveDashboardWindow(await searchParams, getRequestTimeMs());
  const [data, unpriced] = await Promise.all([getCostDashboard(timeWindow), countUnpricedRuns(timeWindow.fromMs, timeWindow.toMs)]);
  return (
    <>
      <PageHeader title="Cost" subtitle={`Cost per task, waste, breakdowns and token usage · ${timeWindow.label}`} />
      <UnpricedNotice unpriced={unpriced} total={data.totals.runs} />
      <CostDashboard
        view={{
          ...data,
          fromMs: timeWindow.fromMs,
          toMs: timeWindow.toMs,
          bucketLabel: formatBucketLabel(data.bucket),
          allTracesHref: buildTracesHref({ sort: "cost" }, timeWindow.fromMs, timeWindow.toMs),
        }}
      />
    </>
  );
}
