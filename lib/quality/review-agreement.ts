// How often a review queue's verdicts agree with the other sources' scores of the same name on the same
// runs (so reviewers can tell whether an evaluator or a judge can be trusted). Pure; safe in client components.
import { isPassing, type ScoreSource } from "./score-types";

export type ReviewAgreement = {
  /** The other source: "api", "otel" or "evaluator". */
  source: Exclude<ScoreSource, "review">;
  /** Reviewed runs that also carry a score of this source. */
  compared: number;
  /** Of those, the runs where both verdicts agree. */
  agreed: number;
  /** agreed / compared. */
  rate: number;
};

export type Verdict = { label: string | null; value: number | null };
export type ReviewedRun = Verdict & { traceId: string };
export type OtherScore = Verdict & { traceId: string; source: ScoreSource; createdMs: number; id: string };

const normalise = (label: string) => label.trim().toLowerCase();

/**
 * Two verdicts agree when both carry a label and the labels are the same (trimmed, any case), or,
 * when either is only a number, when both pass or both fail by the pass rule.
 */
export function verdictsAgree(a: Verdict, b: Verdict): boolean {
  if (a.label !== null && b.label !== null) return normalise(a.label) === normalise(b.label);
  return isPassing(a.value, a.label) === isPassing(b.value, b.label);
}

/**
 * Agreement per other source, in source order. A source's verdict on a run is its most recent score of
 * the queue's name on that run (on the trace or any of its spans): a re-scored run counts once, with its
 * latest verdict. Sources that scored none of the reviewed runs are left out.
 */
export function reviewAgreement(reviews: readonly ReviewedRun[], others: readonly OtherScore[]): ReviewAgreement[] {
  const latest = new Map<string, OtherScore>();
  for (const score of others) {
    if (score.source === "review") continue;
    const key = `${score.source} ${score.traceId}`;
    const seen = latest.get(key);
    if (!seen || score.createdMs > seen.createdMs || (score.createdMs === seen.createdMs && score.id > seen.id)) latest.set(key, score);
  }
  const sources: ReviewAgreement["source"][] = ["api", "otel", "evaluator"];
  return sources.flatMap((source) => {
    let compared = 0;
    let agreed = 0;
    for (const review of reviews) {
      const other = latest.get(`${source} ${review.traceId}`);
      if (!other) continue;
      compared += 1;
      if (verdictsAgree(review, other)) agreed += 1;
    }
    return compared === 0 ? [] : [{ source, compared, agreed, rate: agreed / compared }];
  });
}
