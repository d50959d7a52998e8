import type { Metadata } from "next";
import { DriftDashboard } from "@/components/dashboards/drift-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { DRIFT_GROUP_BY } from "@/lib/analytics/drift-params";
import { formatBucketLabel } from "@/lib/format/chart";
import { getRequestTimeMs } from "@/lib/format/time";
import { getDriftDashboard } from "@/lib/data/dashboards/dashboard-drift";
import { listModelChanges } from "@/lib/data/governance/model-changes";
import { parseChoice } from "@/lib/analytics/dashboard-shape";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { buildHref, firstParam } from "@/lib/trace/url-state";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Drift" };

const GROUP_LABELS = { task: "Task", agent: "Agent" } as const;

export default async function DriftPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = await searchParams;
  const timeWindow = await resolveDashboardWindow(scope, params, getRequestTimeMs(), projectPath(project.slug, "/traces"));
  const groupBy = parseChoice(firstParam(params, "groupBy"), DRIFT_GROUP_BY, "task");
  const [data, modelChanges] = await Promise.all([
    getDriftDashboard(scope, timeWindow, groupBy, firstParam(params, "group")),
    listModelChanges(scope, { fromMs: timeWindow.fromMs, toMs: timeWindow.toMs }),
  ]);
  const link = (changes: Record<string, string | null>) => buildHref(projectPath(project.slug, "/dashboards/drift"), params, changes);

  return (
    <>
      <PageHeader title="Drift" subtitle={`Cost per run and p95 latency against their baselines · ${timeWindow.label}`} />
      <DriftDashboard
        view={{
          modelChanges,
          ...data,
          groupNoun: GROUP_LABELS[groupBy],
          groupBy,
          groupByOptions: DRIFT_GROUP_BY.map((value) => ({ value, label: GROUP_LABELS[value], href: link({ groupBy: value, group: null }) })),
          bucketLabel: formatBucketLabel(data.bucket),
          windowMs: timeWindow.toMs - timeWindow.fromMs,
          rows: data.rows.map((row) => ({ ...row, href: link({ group: row.group }) })),
        }}
      />
    </>
  );
}
