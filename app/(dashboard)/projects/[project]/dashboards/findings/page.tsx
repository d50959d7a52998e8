import type { Metadata } from "next";
import { FindingsDashboard } from "@/components/dashboards/findings-dashboard";
import { TagCounts } from "@/components/dashboards/tag-counts";
import { PageHeader } from "@/components/ui/page-header";
import { parseChoice } from "@/lib/analytics/dashboard-shape";
import { requirePageCaller } from "@/lib/auth/require-page";
import { FINDINGS_DASHBOARD_GROUPS, getFindingsDashboard } from "@/lib/data/dashboards/dashboard-findings";
import { getTagCountsView } from "@/lib/data/dashboards/dashboard-tags";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { formatBucketLabel } from "@/lib/format/chart";
import { FINDING_TYPE_LABELS } from "@/lib/format/findings";
import { projectPath } from "@/lib/format/project-path";
import { getRequestTimeMs } from "@/lib/format/time";
import { FINDING_TYPES } from "@/lib/retro/finding-kinds";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { buildHref, firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Findings" };

const GROUP_LABELS = { task: "Task", agent: "Agent", tool: "Tool" } as const;

export default async function FindingsPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = await searchParams;
  const timeWindow = await resolveDashboardWindow(scope, params, getRequestTimeMs(), projectPath(project.slug, "/traces"));
  const groupBy = parseChoice(firstParam(params, "groupBy"), FINDINGS_DASHBOARD_GROUPS, "task");
  const type = parseChoice(firstParam(params, "finding"), FINDING_TYPES, "tool_loop");
  const data = await getFindingsDashboard(scope, timeWindow, groupBy, type);
  const tags = await getTagCountsView(scope, timeWindow, data.bucket === "1d" ? "1d" : "1h");
  const link = (changes: Record<string, string>) => buildHref(projectPath(project.slug, "/dashboards/findings"), params, changes);
  return (
    <>
      <PageHeader title="Findings" subtitle={`Tool loops, agent cycles, repeated LLM calls and failures, and what they wasted · ${timeWindow.label}`} />
      <FindingsDashboard
        view={{
          ...data,
          fromMs: timeWindow.fromMs,
          toMs: timeWindow.toMs,
          bucketLabel: formatBucketLabel(data.bucket),
          groupNoun: GROUP_LABELS[groupBy].toLowerCase(),
          typeLabel: FINDING_TYPE_LABELS[type],
          groupBy,
          type,
          groupByOptions: FINDINGS_DASHBOARD_GROUPS.map((value) => ({ value, label: GROUP_LABELS[value], href: link({ groupBy: value }) })),
          typeOptions: FINDING_TYPES.map((value) => ({ value, label: FINDING_TYPE_LABELS[value], href: link({ finding: value }) })),
        }}
      />
      <TagCounts
        {...tags}
        bucketLabel={formatBucketLabel(data.bucket)}
        fromMs={timeWindow.fromMs}
        toMs={timeWindow.toMs}
        tracesPath={projectPath(project.slug, "/traces")}
      />
    </>
  );
}
