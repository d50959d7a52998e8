import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatasetItemRow } from "@/components/datasets/dataset-item-row";
import { ImportForm } from "@/components/datasets/import-form";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { deleteDatasetItemAction, updateDatasetItemAction } from "@/lib/actions/dataset-items";
import { importJsonlAction } from "@/lib/actions/datasets";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getDataset, listDatasetItems } from "@/lib/data/quality/datasets";
import { listExperiments } from "@/lib/data/quality/experiments";
import { formatTimestamp } from "@/lib/format/time";
import { jsonToText } from "@/lib/forms/dataset-form";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Dataset" };

export default async function DatasetPage({ params }: ProjectPageProps<{ datasetId: string }>) {
  const { project, datasetId } = await params;
  const caller = await requirePageCaller(project);
  const dataset = await getDataset(caller.scope, datasetId);
  if (!dataset) notFound();
  const [items, experiments] = await Promise.all([listDatasetItems(caller.scope, datasetId), listExperiments(caller.scope, datasetId)]);
  const slug = caller.project.slug;
  const itemActions = can(caller, "write")
    ? { update: updateDatasetItemAction.bind(null, slug, dataset.id), remove: deleteDatasetItemAction.bind(null, slug, dataset.id) }
    : undefined;
  const exportUrl = (format: string) => `/api/v1/datasets/${dataset.id}/items?format=${format}&project=${encodeURIComponent(caller.project.slug)}`;
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader title={dataset.name} subtitle={dataset.description ?? `${dataset.itemCount} items`}>
        <a href={exportUrl("json")} className="rounded border border-line px-2 py-1 text-sm hover:border-accent">
          Export JSON
        </a>
        <a href={exportUrl("jsonl")} className="rounded border border-line px-2 py-1 text-sm hover:border-accent" data-testid="export-jsonl">
          Export JSONL
        </a>
      </PageHeader>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Experiments</h2>
        {experiments.length === 0 ? (
          <p className="text-sm text-fg-muted">None yet: run runExperiment from the SDK over this dataset.</p>
        ) : (
          <form
            action={`/projects/${caller.project.slug}/datasets/${dataset.id}/compare`}
            className="flex flex-wrap items-end gap-2"
            data-testid="compare-form"
          >
            {(["a", "b"] as const).map((side, i) => (
              <label key={side} className="flex flex-col gap-1 text-sm">
                <span className="text-fg-muted">{side === "a" ? "Baseline (a)" : "Candidate (b)"}</span>
                <select
                  name={side}
                  defaultValue={experiments[Math.min(i === 0 ? 1 : 0, experiments.length - 1)]!.id}
                  className="rounded border border-line bg-bg px-2 py-1.5"
                >
                  {experiments.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name} · {formatTimestamp(e.createdAt)} · {e.runCount} runs
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm text-white">
              Compare
            </button>
          </form>
        )}
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Items ({items.length})</h2>
        <table className="w-full text-sm" data-testid="dataset-items">
          <thead className="text-left text-fg-muted">
            <tr>
              <th className="w-10 py-1 font-normal">#</th>
              <th className="py-1 font-normal">Input</th>
              <th className="py-1 font-normal">Expected output</th>
              <th className="py-1 font-normal">From</th>
              {itemActions ? <th className="py-1 font-normal" /> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <DatasetItemRow
                key={item.id}
                position={i + 1}
                item={{ id: item.id, input: jsonToText(item.input), expectedOutput: jsonToText(item.expectedOutput), metadata: jsonToText(item.metadata) }}
                actions={itemActions}
                source={
                  item.sourceTraceId ? (
                    <ProjectLink
                      href={`/traces/${item.sourceTraceId}${item.sourceSpanId ? `?span=${item.sourceSpanId}` : ""}`}
                      className="text-accent hover:underline"
                    >
                      run
                    </ProjectLink>
                  ) : (
                    "—"
                  )
                }
              />
            ))}
          </tbody>
        </table>
      </section>
      {can(caller, "write") ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-base font-semibold">Import JSONL</h2>
          <ImportForm action={importJsonlAction.bind(null, caller.project.slug, dataset.id)} />
        </section>
      ) : null}
    </div>
  );
}
