import type { Metadata } from "next";
import { CreateDatasetForm } from "@/components/datasets/create-dataset-form";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { createDatasetAction } from "@/lib/actions/datasets";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listDatasets } from "@/lib/data/quality/datasets";
import { formatTimestamp } from "@/lib/format/time";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const datasets = await listDatasets(caller.scope);
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader
        title="Datasets"
        subtitle="Test cases from production runs (Add to dataset on a trace), JSONL imports, or the API; experiments run over them"
      />
      <table className="w-full max-w-4xl text-sm" data-testid="datasets">
        <thead className="text-left text-fg-muted">
          <tr>
            <th className="py-1 font-normal">Dataset</th>
            <th className="py-1 font-normal">Items</th>
            <th className="py-1 font-normal">Updated</th>
          </tr>
        </thead>
        <tbody>
          {datasets.length === 0 ? (
            <tr>
              <td colSpan={3} className="py-2 text-fg-muted">
                No datasets yet.
              </td>
            </tr>
          ) : null}
          {datasets.map((dataset) => (
            <tr key={dataset.id} className="border-t border-line">
              <td className="py-1.5">
                <ProjectLink href={`/datasets/${dataset.id}`} className="text-accent hover:underline">
                  {dataset.name}
                </ProjectLink>
                {dataset.description ? <span className="ml-2 text-fg-muted">{dataset.description}</span> : null}
              </td>
              <td className="py-1.5 tabular-nums">{dataset.itemCount}</td>
              <td className="py-1.5">{formatTimestamp(dataset.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can(caller, "write") ? <CreateDatasetForm action={createDatasetAction.bind(null, caller.project.slug)} /> : null}
    </div>
  );
}
