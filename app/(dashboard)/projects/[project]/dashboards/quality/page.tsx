import type { Metadata } from "next";
import { QualityDashboard } from "@/components/dashboards/quality-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { parseChoice } from "@/lib/analytics/dashboard-shape";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getQualityDashboard } from "@/lib/data/dashboards/dashboard-quality";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { listModelChanges } from "@/lib/data/governance/model-changes";
import { formatBucketLabel } from "@/lib/format/chart";
import { projectPath } from "@/lib/format/project-path";
import { getRequestTimeMs } from "@/lib/format/time";
import { buildTracesHref } from "@/lib/format/traces-href";
import { QUALITY_GROUP_BY, qualityCharts } from "@/lib/quality/quality-dashboard";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { buildHref, firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Quality" };

const GROUP_LABELS = { task: "Task", agent: "Agent", model: "Model" } as const;

export default async function QualityPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = await searchParams;
  const tracesPath = projectPath(project.slug, "/traces");
  const timeWindow = await resolveDashboardWindow(scope, params, getRequestTimeMs(), tracesPath);
  const groupBy = parseChoice(firstParam(params, "groupBy"), QUALITY_GROUP_BY, "task");
  const [data, modelChanges] = await Promise.all([
    getQualityDashboard(scope, timeWindow, groupBy, firstParam(params, "name")),
    listModelChanges(scope, { fromMs: timeWindow.fromMs, toMs: timeWindow.toMs }),
  ]);
  const link = (changes: Record<string, string | null>) => buildHref(projectPath(project.slug, "/dashboards/quality"), params, changes);
  const shifted = data.rows.find((r) => r.shift);
  const filterOf = (group: string) => (groupBy === "task" ? { name: group } : groupBy === "agent" ? { agent: group } : { model: group });

  return (
    <>
      <PageHeader title="Quality" subtitle={`Mean and pass rate of scores by ${GROUP_LABELS[groupBy].toLowerCase()} · ${timeWindow.label}`} />
      <QualityDashboard
        view={{
          groupNoun: GROUP_LABELS[groupBy],
          groupBy,
          groupByOptions: QUALITY_GROUP_BY.map((value) => ({ value, label: GROUP_LABELS[value], href: link({ groupBy: value }) })),
          name: data.name,
          nameOptions: data.names.slice(0, 12).map(({ name }) => ({ value: name, label: name, href: link({ name }) })),
          bucketLabel: formatBucketLabel(data.bucket),
          bucketMs: data.bucketMs,
          windowMs: timeWindow.toMs - timeWindow.fromMs,
          rows: data.rows.map((row) => ({ ...row, tracesHref: buildTracesHref(tracesPath, filterOf(row.group), data.startMs, data.endMs) })),
          charts: qualityCharts(data.rows, groupBy, data.bucketMs),
          marker: shifted?.shift ? { t: shifted.shift.atMs, label: `${shifted.group}: level shift` } : null,
          modelChanges,
        }}
      />
    </>
  );
}
