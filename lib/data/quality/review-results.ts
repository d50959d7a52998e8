import "server-only";
// A review queue's results: every run with its review, the failure modes reviewers tagged (most tagged
// first), and how often the reviews agree with the other sources' scores (as the queue itself shows).
import type { ProjectScope } from "@/lib/data/scope";
import type { ReviewAgreement } from "@/lib/quality/review-agreement";
import type { ReviewItem, ReviewQueue } from "@/lib/quality/review-types";
import { getReviewAgreement } from "./review-agreement";
import { listReviewItems } from "./review-queues";

export type ReviewResults = {
  queue: ReviewQueue;
  agreement: ReviewAgreement[];
  failureModes: { failureMode: string; count: number }[];
  items: ReviewItem[];
};

export async function getReviewResults(scope: ProjectScope, queue: ReviewQueue): Promise<ReviewResults> {
  const [items, agreement] = await Promise.all([listReviewItems(scope, queue.id), getReviewAgreement(scope, queue)]);
  const modes = new Map<string, number>();
  for (const item of items) if (item.state === "done" && item.failureMode) modes.set(item.failureMode, (modes.get(item.failureMode) ?? 0) + 1);
  return {
    queue,
    agreement,
    failureModes: [...modes].map(([failureMode, count]) => ({ failureMode, count })).sort((a, b) => b.count - a.count || a.failureMode.localeCompare(b.failureMode)),
    items,
  };
}
