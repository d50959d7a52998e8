import type { Metadata } from "next";
import { headers } from "next/headers";
import { SendFirstTrace } from "@/components/onboarding/send-first-trace";
import { PricesPanel } from "@/components/prices/prices-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { listPriceRows } from "@/lib/data/prices/dashboard-prices";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const env = getEnv();
  const prices = await listPriceRows();
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader title="Settings" subtitle={`Project: ${env.HINDSIGHT_PROJECT_NAME}`} />
      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Sending traces</h2>
        <SendFirstTrace endpoint={getRequestOrigin(await headers(), env.PORT)} />
      </section>
      <section className="flex flex-col gap-3" id="prices" data-testid="prices">
        <div>
          <h2 className="text-base font-semibold">Model prices</h2>
          <p className="text-sm text-fg-muted">
            Used to price LLM calls that report no cost of their own; unknown models stay unpriced, never $0. A change recomputes the stored costs of that model
            at once.
          </p>
        </div>
        <PricesPanel prices={prices} />
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
