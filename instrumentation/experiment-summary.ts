/**
 * Per-score figures of an experiment, as the dashboard computes them: the
 * mean of the values, and the pass rate (labels pass/good/correct/true, or
 * values of at least 0.5 when a score has no label).
 */
import type { EvaluationScore } from "./experiment-evaluators.js";

export type ScoreSummary = { name: string; count: number; mean: number | null; passRate: number };

const PASS_LABELS = new Set(["pass", "good", "correct", "true"]);

/** Whether one score counts as a pass. */
export function isPassingScore(score: Pick<EvaluationScore, "value" | "label">): boolean {
  if (score.label !== null) return PASS_LABELS.has(score.label.trim().toLowerCase());
  return score.value !== null && score.value >= 0.5;
}

export function summariseScores(scores: EvaluationScore[]): ScoreSummary[] {
  const byName = new Map<string, EvaluationScore[]>();
  for (const score of scores) byName.set(score.name, [...(byName.get(score.name) ?? []), score]);
  return [...byName]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, list]) => {
      const values = list.flatMap((s) => (s.value === null ? [] : [s.value]));
      return {
        name,
        count: list.length,
        mean: values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length,
        passRate: list.filter(isPassingScore).length / list.length,
      };
    });
}
