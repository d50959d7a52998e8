import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComparisonView } from "@/components/experiments/comparison-view";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { compareById } from "@/lib/api/quality/experiment-requests";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getDataset } from "@/lib/data/quality/datasets";
import { textDiff } from "@/lib/retro/text-diff";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Compare experiments" };

export default async function CompareExperimentsPage({ params, searchParams }: ProjectPageProps<{ datasetId: string }>) {
  const { project, datasetId } = await params;
  const caller = await requirePageCaller(project);
  const dataset = await getDataset(caller.scope, datasetId);
  if (!dataset) notFound();
  const query = await searchParams;
  const a = firstParam(query, "a");
  const b = firstParam(query, "b");
  const result = a && b ? await compareById(caller.scope, a, b) : null;
  const back = (
    <ProjectLink href={`/datasets/${dataset.id}`} className="text-sm text-accent hover:underline">
      ← {dataset.name}
    </ProjectLink>
  );
  if (!result || !result.ok) {
    return (
      <div className="flex flex-col gap-4 p-4">
        {back}
        <p className="text-sm text-danger" role="alert">
          {result ? result.message : "Choose two experiments of this dataset to compare."}
        </p>
      </div>
    );
  }
  const diffs = new Map(result.comparison.items.map((item) => [item.itemId, item.a && item.b ? textDiff(item.a.output, item.b.output) : null]));
  return (
    <div className="flex flex-col gap-4 p-4">
      {back}
      <PageHeader title={`${result.a.name} → ${result.b.name}`} subtitle={`Experiments over ${dataset.name}, item by item`} />
      <ComparisonView comparison={result.comparison} diffs={diffs} />
    </div>
  );
}
