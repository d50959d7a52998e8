import type { Metadata } from "next";
import { LatencyDashboard } from "@/components/dashboards/latency-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { formatBucketLabel } from "@/lib/format/chart";
import { getRequestTimeMs } from "@/lib/format/time";
import { getLatencyDashboard, LATENCY_DASHBOARD_GROUPS, PERCENTILES } from "@/lib/data/dashboards/dashboard-latency";
import { parseChoice } from "@/lib/analytics/dashboard-shape";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { listModelChanges } from "@/lib/data/governance/model-changes";
import { buildHref, firstParam } from "@/lib/trace/url-state";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Latency" };

const GROUP_LABELS = { name: "Task", agent: "Agent", tool: "Tool", model: "Model", mcp_server: "MCP server" } as const;

export default async function LatencyPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = await searchParams;
  const timeWindow = await resolveDashboardWindow(scope, params, getRequestTimeMs(), projectPath(project.slug, "/traces"));
  const groupBy = parseChoice(firstParam(params, "groupBy"), LATENCY_DASHBOARD_GROUPS, "name");
  const percentile = parseChoice(firstParam(params, "pct"), PERCENTILES, "p95");
  const [data, modelChanges] = await Promise.all([
    getLatencyDashboard(scope, timeWindow, groupBy, percentile),
    listModelChanges(scope, { fromMs: timeWindow.fromMs, toMs: timeWindow.toMs }),
  ]);
  const link = (changes: Record<string, string>) => buildHref(projectPath(project.slug, "/dashboards/latency"), params, changes);

  return (
    <>
      <PageHeader title="Latency" subtitle={`Percentiles of trace and span durations · ${timeWindow.label}`} />
      <LatencyDashboard
        view={{
          ...data,
          modelChanges,
          groupNoun: groupBy === "mcp_server" ? GROUP_LABELS[groupBy] : GROUP_LABELS[groupBy].toLowerCase(),
          percentile,
          groupBy,
          windowMs: timeWindow.toMs - timeWindow.fromMs,
          bucketLabel: formatBucketLabel(data.bucket),
          groupByOptions: LATENCY_DASHBOARD_GROUPS.map((value) => ({ value, label: GROUP_LABELS[value], href: link({ groupBy: value }) })),
          percentileOptions: PERCENTILES.map((value) => ({ value, label: value, href: link({ pct: value }) })),
        }}
      />
    </>
  );
}
