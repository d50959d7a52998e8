import type { Metadata } from "next";
import { headers } from "next/headers";
import { SendFirstTrace } from "@/components/onboarding/send-first-trace";
import { PageHeader } from "@/components/ui/page-header";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const env = getEnv();
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader title="Settings" subtitle={`Project: ${env.HINDSIGHT_PROJECT_NAME}`} />
      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Sending traces</h2>
        <SendFirstTrace endpoint={getRequestOrigin(await headers(), env.PORT)} />
      </section>
      <section className="flex flex-col gap-1 text-sm">
        <h2 className="text-base font-semibold">Storage</h2>
        <p className="text-fg-muted">
          Database: {env.database.kind === "sqlite" ? "embedded SQLite" : "PostgreSQL"}. Set <code className="font-mono">DATABASE_URL</code> to move to PostgreSQL.
        </p>
      </section>
    </div>
  );
}
