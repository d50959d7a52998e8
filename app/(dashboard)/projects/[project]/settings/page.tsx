import type { Metadata } from "next";
import { headers } from "next/headers";
import { SendFirstTrace } from "@/components/onboarding/send-first-trace";
import { PricesPanel } from "@/components/prices/prices-panel";
import { LoopThresholdForm } from "@/components/settings/loop-threshold-form";
import { ProjectNameForm } from "@/components/settings/project-name-form";
import { RedactionForm } from "@/components/settings/redaction-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getRedactionConfig } from "@/lib/data/access/redaction-settings";
import { listPriceRows } from "@/lib/data/prices/dashboard-prices";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const env = getEnv();
  const isAdmin = can(caller, "admin");
  const [prices, redaction] = await Promise.all([listPriceRows(caller.scope), getRedactionConfig(caller.scope)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Settings" subtitle={`Project ${caller.project.name} (${caller.project.slug}) · your role: ${caller.role ?? "viewer"}`} />
      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Project</h2>
        <ProjectNameForm projectSlug={caller.project.slug} name={caller.project.name} canEdit={isAdmin} />
      </section>
      <section className="flex flex-col gap-3" id="retro" data-testid="retro-settings">
        <div>
          <h2 className="text-base font-semibold">Loop threshold</h2>
          <p className="text-sm text-fg-muted">
            A tool called this many times with the same arguments in one run is a tool loop, and as many identical LLM calls are a repeated call. A change
            analyses the traces of the last 30 days again.
          </p>
        </div>
        <LoopThresholdForm projectSlug={caller.project.slug} loopThreshold={caller.project.loopThreshold} canEdit={isAdmin} />
      </section>
      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Sending traces</h2>
        <SendFirstTrace endpoint={getRequestOrigin(await headers(), env.PORT)} projectSlug={caller.project.slug} canCreateKey={isAdmin} />
      </section>
      <section className="flex flex-col gap-3" id="prices" data-testid="prices">
        <div>
          <h2 className="text-base font-semibold">Model prices</h2>
          <p className="text-sm text-fg-muted">
            Used to price LLM calls that report no cost of their own; unknown models stay unpriced, never $0. A change recomputes the stored costs of that model
            in this project at once.
          </p>
        </div>
        <PricesPanel prices={prices} projectSlug={caller.project.slug} canEdit={isAdmin} />
      </section>
      <section className="flex flex-col gap-3" id="redaction">
        <div>
          <h2 className="text-base font-semibold">Redaction</h2>
          <p className="text-sm text-fg-muted">
            Applied at ingest, before anything is stored, to inputs, outputs, attributes, events and log bodies: a match is stored as{" "}
            <code className="font-mono">[REDACTED:&lt;name&gt;]</code>. Traces stored earlier are not rewritten.
          </p>
        </div>
        <RedactionForm projectSlug={caller.project.slug} config={redaction} canEdit={isAdmin} />
      </section>
      <section className="flex flex-col gap-1 text-sm">
        <h2 className="text-base font-semibold">Storage</h2>
        <p className="text-fg-muted">
          Database: {env.database.kind === "sqlite" ? "embedded SQLite" : "PostgreSQL"}. Set <code className="font-mono">DATABASE_URL</code> to move to
          PostgreSQL.
        </p>
      </section>
    </div>
  );
}
