import type { ReactNode } from "react";
import { Suspense } from "react";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";

const TABS = [
  { href: "/dashboards/latency", label: "Latency" },
  { href: "/dashboards/cost", label: "Cost" },
  { href: "/dashboards/drift", label: "Drift" },
];

export default function DashboardsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 p-4">
      <Suspense fallback={<div className="h-9 border-b border-line" />}>
        <DashboardTabs tabs={TABS} />
      </Suspense>
      {children}
    </div>
  );
}
