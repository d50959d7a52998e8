import "server-only";
// One review of one run, claimed with a conditional update so two reviewers of the same run cannot both
// review it: a run already reviewed keeps its review (its verdict feeds rollups and agreement figures, so a
// second one would count twice). Skipped runs stay open to a later review. The review row holds
// everything a score needs (trace, the queue's score name, label or value, comment, reviewer, time), and
// each review is also recorded as a score with source "review" (scoreId links them), so reviews sit beside
// evaluators' and the API's scores on the trace, the Quality dashboard and in alerts.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { ReviewDecision } from "@/lib/quality/review-schema";
import type { ReviewItem, ReviewQueue } from "@/lib/quality/review-types";
import { getReviewItem } from "./review-queues";
import { recordScores, ScoreInputError } from "./scores";

export type ReviewResult = { ok: true; item: ReviewItem } | { ok: false; status: 404 | 409; parameter?: string; message: string };

export async function submitReview(scope: ProjectScope, queue: ReviewQueue, itemId: string, decision: ReviewDecision, reviewer: string): Promise<ReviewResult> {
  const before = await getReviewItem(scope, queue.id, itemId);
  if (!before) return { ok: false, status: 404, message: `review queue ${queue.id} has no item ${itemId}` };
  const scored = decision.kind === "score";
  const claimed = await getPrisma().reviewItem.updateMany({
    where: { projectId: scope.projectId, queueId: queue.id, id: itemId, state: { not: "done" } },
    data: {
      state: scored ? "done" : "skipped",
      label: scored ? decision.label : null,
      value: scored ? decision.value : null,
      failureMode: scored ? decision.failureMode : null,
      comment: decision.comment,
      reviewer,
      reviewedMs: BigInt(Date.now()),
    },
  });
  if (claimed.count === 0) {
    const now = await getReviewItem(scope, queue.id, itemId);
    const verdict = now?.label ?? (now?.value !== null && now?.value !== undefined ? String(now.value) : "");
    return { ok: false, status: 409, message: `item ${itemId} was reviewed already (${verdict}${now?.reviewer ? ` by ${now.reviewer}` : ""})` };
  }
  if (scored) {
    const where = { projectId: scope.projectId, queueId: queue.id, id: itemId };
    try {
      const [score] = await recordScores(scope, [
        { traceId: before.traceId, name: queue.scoreName, label: decision.label, value: decision.value, comment: decision.comment, source: "review", author: reviewer },
      ]);
      await getPrisma().reviewItem.updateMany({ where, data: { scoreId: score!.id } });
    } catch (error) {
      // The review stands only with its score: put the item back as it was.
      const { state, label, value, failureMode, comment, reviewer: previousReviewer, reviewedAt } = before;
      await getPrisma().reviewItem.updateMany({
        where,
        data: { state, label, value, failureMode, comment, reviewer: previousReviewer, reviewedMs: reviewedAt === null ? null : BigInt(Date.parse(reviewedAt)) },
      });
      if (error instanceof ScoreInputError && error.field === "traceId") {
        return { ok: false, status: 409, parameter: "itemId", message: `run ${before.traceId} is no longer stored (retention): skip it` };
      }
      throw error;
    }
  }
  return { ok: true, item: (await getReviewItem(scope, queue.id, itemId))! };
}
