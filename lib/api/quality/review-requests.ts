import "server-only";
// Request handling shared by the review-queue routes and server actions: a queue body validated into what
// the data layer stores (the filter checked as trace-list filters), and one review checked against its
// queue's labels or range. Each error names the field.
import { firstError } from "@/lib/forms/access-forms";
import type { NewReviewQueue } from "@/lib/data/quality/review-queues";
import { decideReview, parseReviewFilter, reviewQueueCreateSchema, reviewSubmitSchema, type ReviewDecision } from "@/lib/quality/review-schema";
import { newSeed } from "@/lib/quality/review-sample";
import type { ReviewQueue } from "@/lib/quality/review-types";

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** A queue as the data layer stores it, from a JSON body (already parsed). */
export function checkQueueBody(body: unknown, createdBy: string | null): Checked<NewReviewQueue> {
  const parsed = reviewQueueCreateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, ...firstError(parsed.error) };
  const filter = parseReviewFilter(parsed.data.filter);
  if (!filter.ok) return { ok: false, field: filter.parameter, message: filter.message };
  const { name, sampleSize, scoreName, labels, range, seed } = parsed.data;
  return {
    ok: true,
    value: {
      name,
      filter: filter.filter,
      filters: filter.query.filters,
      sampleSize,
      scoreName,
      labels: labels ?? null,
      range: range ?? null,
      seed: seed ?? newSeed(),
      createdBy,
    },
  };
}

/** A review of a run of `queue`, from a JSON body (already parsed). */
export function checkReviewBody(body: unknown, queue: ReviewQueue): Checked<ReviewDecision> {
  const parsed = reviewSubmitSchema.safeParse(body);
  if (!parsed.success) return { ok: false, ...firstError(parsed.error) };
  const decided = decideReview(parsed.data, { labels: queue.labels, range: queue.range });
  return decided.ok ? { ok: true, value: decided.decision } : { ok: false, field: decided.field, message: decided.message };
}
