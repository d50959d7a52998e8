import type { ReactNode } from "react";
import { Suspense } from "react";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectParams } from "@/lib/trace/page-props";

const TABS = [
  { path: "/dashboards/latency", label: "Latency" },
  { path: "/dashboards/cost", label: "Cost" },
  { path: "/dashboards/drift", label: "Drift" },
  { path: "/dashboards/findings", label: "Findings" },
  { path: "/dashboards/approvals", label: "Approvals" },
  { path: "/dashboards/quality", label: "Quality" },
  { path: "/dashboards/map", label: "Pipeline map" },
];

export default async function DashboardsLayout({ children, params }: { children: ReactNode; params: ProjectParams }) {
  const { project } = await requirePageCaller((await params).project);
  return (
    <div className="flex flex-col gap-4 p-4">
      <Suspense fallback={<div className="h-9 border-b border-line" />}>
        <DashboardTabs tabs={TABS.map((tab) => ({ href: projectPath(project.slug, tab.path), label: tab.label }))} />
      </Suspense>
      {children}
    </div>
  );
}
