import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddToDataset } from "@/components/datasets/add-to-dataset";
import { CommentsProvider } from "@/components/collab/comments-context";
import { TraceCollabBar } from "@/components/collab/trace-collab-bar";
import { TraceExplorer } from "@/components/trace/trace-explorer";
import { TraceHeader } from "@/components/trace/trace-header";
import { TraceThread } from "@/components/collab/trace-thread";
import { addToDatasetAction, previewRunItem } from "@/lib/actions/datasets";
import { can } from "@/lib/auth/caller";
import { commentView } from "@/lib/api/collab/comment-access";
import { listComments } from "@/lib/data/collab/comments";
import { listDatasets } from "@/lib/data/quality/datasets";
import { listRetros } from "@/lib/data/collab/retros";
import { listShareLinks } from "@/lib/data/collab/share-links";
import { listTagVocabulary, listTraceTags } from "@/lib/data/collab/tags";
import { listTraceScores } from "@/lib/data/quality/scores";
import { requirePageCaller } from "@/lib/auth/require-page";
import { suggestedTags } from "@/lib/retro/collab/tag-suggestions";
import { listTraceFindings } from "@/lib/data/findings/trace-findings";
import { getTraceOutline } from "@/lib/data/traces/trace-outline";
import { criticalPathOfOutlines } from "@/lib/trace/critical-path-view";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { packSpanOutlines } from "@/lib/trace/span-outline";
import { firstParam } from "@/lib/trace/url-state";
import { loadSpanDetail } from "./actions";

type Props = ProjectPageProps<{ traceId: string }>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

export default async function TracePage({ params, searchParams }: Props) {
  const { project, traceId } = await params;
  const caller = await requirePageCaller(project);
  const [outline, findings] = await Promise.all([getTraceOutline(caller.scope, traceId), listTraceFindings(caller.scope, traceId)]);
  if (!outline) notFound();
  const id = outline.trace.traceId;
  const [comments, tags, vocabulary, shareLinks, retros] = await Promise.all([
    listComments(caller.scope, id),
    listTraceTags(caller.scope, id),
    listTagVocabulary(caller.scope),
    listShareLinks(caller.scope, id),
    listRetros(caller.scope),
  ]);
  const commentedSpans = new Set(comments.map((c) => c.spanId));
  const spanNames = Object.fromEntries(outline.spans.filter((s) => commentedSpans.has(s.spanId)).map((s) => [s.spanId, s.name]));
  const canWrite = can(caller, "write");
  const scores = await listTraceScores(caller.scope, id);
  const criticalPath = criticalPathOfOutlines(outline.spans);
  // Outlines draw every row; a span's full detail (input, output, attributes) loads when it is selected.
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TraceHeader trace={outline.trace} criticalPath={criticalPath} scores={scores} />
      <CommentsProvider projectSlug={caller.project.slug} traceId={id} initial={comments.map((c) => commentView(caller, c))} canComment={canWrite}>
        <TraceCollabBar
          projectSlug={caller.project.slug}
          traceId={id}
          tags={tags}
          vocabulary={suggestedTags(vocabulary.map((v) => v.tag))}
          canWrite={canWrite}
          shareLinks={shareLinks}
          traceName={outline.trace.name}
          openRetros={retros.filter((r) => r.status === "open").map((r) => ({ id: r.id, title: r.title }))}
        />
        {canWrite ? (
          <AddToDataset
            traceId={id}
            datasets={(await listDatasets(caller.scope)).map(({ id: datasetId, name }) => ({ id: datasetId, name }))}
            preview={previewRunItem.bind(null, caller.project.slug)}
            add={addToDatasetAction.bind(null, caller.project.slug)}
          />
        ) : null}
        <TraceThread spanNames={spanNames} />
        <TraceExplorer
          traceId={id}
          outlines={packSpanOutlines(outline.spans)}
          initialSpanId={firstParam(await searchParams, "span") ?? null}
          loadSpan={loadSpanDetail.bind(null, caller.project.slug)}
          findings={findings}
          criticalPath={criticalPath}
          scores={scores}
        />
      </CommentsProvider>
    </div>
  );
}
