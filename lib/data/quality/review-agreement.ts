import "server-only";
// The agreement of a review queue's verdicts with the other sources' scores of the queue's score name on
// the reviewed runs (lib/quality/review-agreement.ts compares them). One query over the reviewed runs'
// scores, through the scores' (projectId, traceId, name) index.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { reviewAgreement, type OtherScore, type ReviewAgreement } from "@/lib/quality/review-agreement";
import type { ReviewQueue } from "@/lib/quality/review-types";
import type { ScoreSource } from "@/lib/quality/score-types";

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function getReviewAgreement(scope: ProjectScope, queue: Pick<ReviewQueue, "id" | "scoreName">): Promise<ReviewAgreement[]> {
  const sql = getSql();
  const reviews = await sql.query(`SELECT "traceId", "label", "value" FROM "review_items" WHERE "projectId" = ? AND "queueId" = ? AND "state" = 'done'`, [
    scope.projectId,
    queue.id,
  ]);
  if (reviews.length === 0) return [];
  const others = await sql.query(
    `SELECT s."traceId", s."source", s."label", s."value", s."createdMs", s."id" FROM "scores" s
       JOIN "review_items" i ON i."projectId" = s."projectId" AND i."traceId" = s."traceId"
      WHERE i."projectId" = ? AND i."queueId" = ? AND i."state" = 'done' AND s."projectId" = ? AND s."name" = ? AND s."source" <> 'review'`,
    [scope.projectId, queue.id, scope.projectId, queue.scoreName],
  );
  return reviewAgreement(
    reviews.map((r) => ({ traceId: String(r.traceId), label: str(r.label), value: num(r.value) })),
    others.map(
      (r): OtherScore => ({
        traceId: String(r.traceId),
        source: String(r.source) as ScoreSource,
        label: str(r.label),
        value: num(r.value),
        createdMs: Number(r.createdMs),
        id: String(r.id),
      }),
    ),
  );
}
