import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboards" };

/** Placeholder until the analytics pages (latency percentiles, cost per task) land here. */
export default function DashboardsPage() {
  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader title="Dashboards" subtitle="Latency and cost analytics" />
      <div className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted">
        Latency percentiles and cost per task will appear here. Meanwhile, sort the trace list by duration or cost.
      </div>
    </div>
  );
}
