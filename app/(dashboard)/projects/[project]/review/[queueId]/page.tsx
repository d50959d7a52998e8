import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewAgreementTable } from "@/components/review/review-agreement";
import { ReviewPanel } from "@/components/review/review-panel";
import { ProjectLink } from "@/components/shell/project-link";
import { TraceExplorer } from "@/components/trace/trace-explorer";
import { TraceHeader } from "@/components/trace/trace-header";
import { submitReviewAction } from "@/lib/actions/review-queues";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getReviewAgreement } from "@/lib/data/quality/review-agreement";
import { getReviewQueue, nextReviewItem } from "@/lib/data/quality/review-queues";
import { listTraceFindings } from "@/lib/data/findings/trace-findings";
import { getTraceOutline } from "@/lib/data/traces/trace-outline";
import { criticalPathOfOutlines } from "@/lib/trace/critical-path-view";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { packSpanOutlines } from "@/lib/trace/span-outline";
import { loadSpanDetail } from "../../traces/[traceId]/actions";

export const metadata: Metadata = { title: "Review" };

type Props = ProjectPageProps<{ queueId: string }>;

/** One run of the queue at a time (the first still pending), with its conversation and tool calls. */
export default async function ReviewQueuePage({ params }: Props) {
  const { project, queueId } = await params;
  const caller = await requirePageCaller(project);
  const queue = await getReviewQueue(caller.scope, queueId);
  if (!queue) notFound();
  const [item, agreement] = await Promise.all([nextReviewItem(caller.scope, queueId), getReviewAgreement(caller.scope, queue)]);
  const [outline, findings] = item
    ? await Promise.all([getTraceOutline(caller.scope, item.traceId), listTraceFindings(caller.scope, item.traceId)])
    : [null, []];
  const criticalPath = outline ? criticalPathOfOutlines(outline.spans) : null;
  const reviewed = queue.done + queue.skipped;
  const slug = caller.project.slug;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center justify-between gap-4 border-b border-line px-4 py-2">
        <div className="min-w-0">
          <h1 className="truncate text-lg font-semibold">
            <ProjectLink href="/review" className="text-fg-muted hover:underline">
              Review
            </ProjectLink>{" "}
            / {queue.name}
          </h1>
          <p className="text-sm text-fg-muted">
            Score <span className="font-medium text-fg">{queue.scoreName}</span> ·{" "}
            <span data-testid="review-progress">
              {reviewed} / {queue.total} reviewed
            </span>
            {queue.skipped ? ` (${queue.skipped} skipped)` : ""}
            {Object.keys(queue.byLabel).length
              ? ` · ${Object.entries(queue.byLabel)
                  .map(([label, count]) => `${label} ${count}`)
                  .join(" · ")}`
              : ""}
          </p>
        </div>
        <progress className="h-2 w-48" max={Math.max(queue.total, 1)} value={reviewed} aria-label="Progress" />
      </div>
      {queue.done > 0 ? <ReviewAgreementTable agreement={agreement} scoreName={queue.scoreName} /> : null}
      {!item ? (
        <p className="p-4 text-sm" data-testid="review-done">
          Every run of this queue is reviewed or skipped.
        </p>
      ) : (
        <>
          {can(caller, "write") ? (
            <ReviewPanel key={item.id} itemId={item.id} labels={queue.labels} range={queue.range} submit={submitReviewAction.bind(null, slug, queueId)} />
          ) : null}
          {outline ? (
            <>
              <TraceHeader trace={outline.trace} criticalPath={criticalPath} />
              <TraceExplorer
                traceId={outline.trace.traceId}
                outlines={packSpanOutlines(outline.spans)}
                initialSpanId={null}
                loadSpan={loadSpanDetail.bind(null, slug)}
                findings={findings}
                criticalPath={criticalPath}
              />
            </>
          ) : (
            <p className="p-4 text-sm text-fg-muted">Run {item.traceId} is no longer stored (retention): skip it.</p>
          )}
        </>
      )}
    </div>
  );
}
