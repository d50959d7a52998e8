import type { ReactNode } from "react";
import { Suspense } from "react";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectParams } from "@/lib/trace/page-props";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: ProjectParams }) {
  const caller = await requirePageCaller((await params).project);
  const isAdmin = can(caller, "admin");
  const tabs = [
    { path: "/settings", label: "General" },
    { path: "/settings/members", label: "Members" },
    ...(isAdmin
      ? [
          { path: "/settings/api-keys", label: "API keys" },
          { path: "/settings/audit-log", label: "Audit log" },
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-4 p-4">
      <Suspense fallback={<div className="h-9 border-b border-line" />}>
        <DashboardTabs label="Settings" tabs={tabs.map((t) => ({ href: projectPath(caller.project.slug, t.path), label: t.label }))} />
      </Suspense>
      {children}
    </div>
  );
}
