import type { Metadata } from "next";
import { CreateQueueForm } from "@/components/review/create-queue-form";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { createReviewQueueAction } from "@/lib/actions/review-queues";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listReviewQueues } from "@/lib/data/quality/review-queues";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewQueuesPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const queues = await listReviewQueues(caller.scope);
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader title="Review" subtitle="Seeded samples of runs for people to label, one run at a time" />
      <table className="w-full max-w-4xl text-sm" data-testid="review-queues">
        <thead className="text-left text-fg-muted">
          <tr>
            <th className="py-1 font-normal">Queue</th>
            <th className="py-1 font-normal">Score</th>
            <th className="py-1 font-normal">Progress</th>
            <th className="py-1 font-normal">By label</th>
          </tr>
        </thead>
        <tbody>
          {queues.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-2 text-fg-muted">
                No review queues yet.
              </td>
            </tr>
          ) : null}
          {queues.map((queue) => (
            <tr key={queue.id} className="border-t border-line">
              <td className="py-1.5">
                <ProjectLink href={`/review/${queue.id}`} className="text-accent hover:underline">
                  {queue.name}
                </ProjectLink>
              </td>
              <td className="py-1.5">{queue.scoreName}</td>
              <td className="py-1.5 tabular-nums">
                {queue.done + queue.skipped} / {queue.total}
                {queue.skipped ? ` (${queue.skipped} skipped)` : ""}
              </td>
              <td className="py-1.5">
                {Object.entries(queue.byLabel)
                  .map(([label, count]) => `${label} ${count}`)
                  .join(" · ") || (queue.meanValue !== null ? `mean ${queue.meanValue.toFixed(2)}` : "—")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can(caller, "write") ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-base font-semibold">New queue</h2>
          <CreateQueueForm action={createReviewQueueAction.bind(null, caller.project.slug)} />
        </section>
      ) : null}
    </div>
  );
}
