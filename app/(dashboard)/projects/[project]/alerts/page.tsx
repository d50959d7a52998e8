import type { Metadata } from "next";
import { IncidentTable } from "@/components/alerts/incident-table";
import { RulesPanel } from "@/components/alerts/rules-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestTimeMs } from "@/lib/format/time";
import { getAlertsOverview } from "@/lib/data/alerts/dashboard-alerts";
import { listRetrosOfIncidents } from "@/lib/data/collab/retros";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const { rules, open, resolved } = await getAlertsOverview(caller.scope, { revealWebhookUrls: can(caller, "admin") });
  const retrosOf = await listRetrosOfIncidents(
    caller.scope,
    [...open, ...resolved].map((i) => i.id),
  );
  const nowMs = getRequestTimeMs();
  const retros = can(caller, "write") ? { projectSlug: caller.project.slug } : undefined;
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader
        title="Alerts"
        subtitle={`Budgets and latency rules, evaluated on a schedule inside the server · ${open.length} open ${open.length === 1 ? "incident" : "incidents"}`}
      />
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Open incidents</h2>
        <IncidentTable incidents={open} state="open" nowMs={nowMs} testId="open-incidents" retros={retros} retrosOf={retrosOf} />
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Rules</h2>
        <RulesPanel rules={rules} projectSlug={caller.project.slug} canEdit={can(caller, "write")} />
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Resolved incidents</h2>
        <IncidentTable incidents={resolved} state="resolved" nowMs={nowMs} testId="resolved-incidents" retros={retros} retrosOf={retrosOf} />
      </section>
    </div>
  );
}
