import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listApiKeys } from "@/lib/data/access/api-keys";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project, "admin");
  const keys = await listApiKeys(caller.scope);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="API keys"
        subtitle="Keys act in this project only. ingest: send spans (OTLP); read: GET the API; write: comments, tags, scores, rules…; admin: keys, members, prices, data."
      />
      <ApiKeysPanel projectSlug={caller.project.slug} keys={keys} />
    </div>
  );
}
