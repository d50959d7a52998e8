import "server-only";
// A review queue's results: every run with its review, and the failure modes reviewers tagged (most
// tagged first).
import type { ProjectScope } from "@/lib/data/scope";
import type { ReviewItem, ReviewQueue } from "@/lib/quality/review-types";
import { listReviewItems } from "./review-queues";

export type ReviewResults = { queue: ReviewQueue; failureModes: { failureMode: string; count: number }[]; items: ReviewItem[] };

export async function getReviewResults(scope: ProjectScope, queue: ReviewQueue): Promise<ReviewResults> {
  const items = await listReviewItems(scope, queue.id);
  const modes = new Map<string, number>();
  for (const item of items) if (item.state === "done" && item.failureMode) modes.set(item.failureMode, (modes.get(item.failureMode) ?? 0) + 1);
  return {
    queue,
    failureModes: [...modes].map(([failureMode, count]) => ({ failureMode, count })).sort((a, b) => b.count - a.count || a.failureMode.localeCompare(b.failureMode)),
    items,
  };
}
