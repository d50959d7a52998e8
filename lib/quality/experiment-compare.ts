// Two experiments over one dataset, item by item: each item's run in both, and a summary of what
// improved and what regressed. For each score both runs of an item carry, a pass where there was a fail
// is an improvement (a fail where there was a pass a regression); with the same verdict, a higher value
// is an improvement (scores are "higher is better", as pass rates assume). An item improved when some
// score improved and none regressed, regressed in the opposite case, and is mixed when both happened.
// Pure.
import { roundUsd } from "@/lib/pricing/round-usd";
import type {
  ComparedItem,
  ComparisonSummary,
  ExperimentComparison,
  ExperimentFigures,
  ItemVerdict,
  RunFigures,
  RunScore,
  ScoreChange,
  ScoreFigures,
} from "@/lib/quality/experiment-types";

export type ExperimentRuns = { experimentId: string; name: string; runs: Map<string, RunFigures> };

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);
const changePct = (before: number | null, after: number | null): number | null =>
  before === null || after === null || before === 0 ? null : Math.round(((after - before) / before) * 10_000) / 100;

/** +1 when b is better than a on this score, −1 when worse, 0 when the same. */
export function scoreDirection(a: RunScore, b: RunScore): -1 | 0 | 1 {
  if (a.passed !== b.passed) return b.passed ? 1 : -1;
  if (a.value !== null && b.value !== null && a.value !== b.value) return b.value > a.value ? 1 : -1;
  return 0;
}

function scoreFigures(runs: RunFigures[]): ScoreFigures[] {
  const byName = new Map<string, RunScore[]>();
  for (const run of runs) for (const score of run.scores) byName.set(score.name, [...(byName.get(score.name) ?? []), score]);
  return [...byName]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, scores]) => ({
      name,
      count: scores.length,
      mean: mean(scores.flatMap((s) => (s.value === null ? [] : [s.value]))),
      passRate: scores.filter((s) => s.passed).length / scores.length,
    }));
}

/** The figures of one experiment over all its runs. */
export function experimentFigures(experiment: ExperimentRuns): ExperimentFigures {
  const runs = [...experiment.runs.values()];
  const costs = runs.flatMap((r) => (r.costUsd === null ? [] : [r.costUsd]));
  const total = costs.reduce((s, c) => s + c, 0);
  const meanCost = mean(costs);
  return {
    experimentId: experiment.experimentId,
    name: experiment.name,
    runs: runs.length,
    errors: runs.filter((r) => r.error !== null || r.status === "error").length,
    costUsd: roundUsd(total),
    meanCostUsd: meanCost === null ? null : roundUsd(meanCost),
    meanDurationMs: mean(runs.flatMap((r) => (r.durationMs === null ? [] : [r.durationMs]))),
    scores: scoreFigures(runs),
  };
}

function itemVerdict(a: RunFigures | null, b: RunFigures | null): ItemVerdict {
  if (!a) return "only_b";
  if (!b) return "only_a";
  const scoresOfA = new Map(a.scores.map((s) => [s.name, s]));
  let up = false;
  let down = false;
  for (const score of b.scores) {
    const before = scoresOfA.get(score.name);
    if (!before) continue;
    const direction = scoreDirection(before, score);
    if (direction > 0) up = true;
    if (direction < 0) down = true;
  }
  return up && down ? "mixed" : up ? "improved" : down ? "regressed" : "unchanged";
}

function scoreChanges(pairs: [RunFigures, RunFigures][]): ScoreChange[] {
  const byName = new Map<string, [RunScore, RunScore][]>();
  for (const [a, b] of pairs) {
    const scoresOfB = new Map(b.scores.map((s) => [s.name, s]));
    for (const score of a.scores) {
      const after = scoresOfB.get(score.name);
      if (after) byName.set(score.name, [...(byName.get(score.name) ?? []), [score, after]]);
    }
  }
  return [...byName]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([name, scored]) => {
      const directions = scored.map(([a, b]) => scoreDirection(a, b));
      const values = (side: 0 | 1) => scored.flatMap((pair) => (pair[side].value === null ? [] : [pair[side].value]));
      return {
        name,
        pairs: scored.length,
        improved: directions.filter((d) => d > 0).length,
        regressed: directions.filter((d) => d < 0).length,
        unchanged: directions.filter((d) => d === 0).length,
        meanA: mean(values(0)),
        meanB: mean(values(1)),
        passRateA: scored.filter(([a]) => a.passed).length / scored.length,
        passRateB: scored.filter(([, b]) => b.passed).length / scored.length,
      };
    });
}

/**
 * The comparison. `itemOrder` is the dataset's item order; runs of items no longer in the dataset
 * follow, in id order.
 */
export function compareExperiments(a: ExperimentRuns, b: ExperimentRuns, itemOrder: readonly string[]): ExperimentComparison {
  const ran = new Set([...a.runs.keys(), ...b.runs.keys()]);
  const known = new Set(itemOrder);
  const order = [...itemOrder.filter((id) => ran.has(id)), ...[...ran].filter((id) => !known.has(id)).sort()];
  const items: ComparedItem[] = order.map((itemId) => {
    const runA = a.runs.get(itemId) ?? null;
    const runB = b.runs.get(itemId) ?? null;
    return { itemId, a: runA, b: runB, verdict: itemVerdict(runA, runB) };
  });
  const pairs = items.flatMap((item) => (item.a && item.b ? [[item.a, item.b] as [RunFigures, RunFigures]] : []));
  const costPairs = pairs.filter(([x, y]) => x.costUsd !== null && y.costUsd !== null);
  const durationPairs = pairs.filter(([x, y]) => x.durationMs !== null && y.durationMs !== null);
  const sum = (runs: [RunFigures, RunFigures][], side: 0 | 1, pick: (r: RunFigures) => number | null) => runs.reduce((s, pair) => s + pick(pair[side])!, 0);
  const summary: ComparisonSummary = {
    a: experimentFigures(a),
    b: experimentFigures(b),
    pairs: pairs.length,
    scores: scoreChanges(pairs),
    improved: items.filter((i) => i.verdict === "improved").map((i) => i.itemId),
    regressed: items.filter((i) => i.verdict === "regressed").map((i) => i.itemId),
    mixed: items.filter((i) => i.verdict === "mixed").map((i) => i.itemId),
    unchanged: items.filter((i) => i.verdict === "unchanged").length,
    costChangePct:
      costPairs.length === 0
        ? null
        : changePct(
            sum(costPairs, 0, (r) => r.costUsd),
            sum(costPairs, 1, (r) => r.costUsd),
          ),
    durationChangePct:
      durationPairs.length === 0
        ? null
        : changePct(
            sum(durationPairs, 0, (r) => r.durationMs),
            sum(durationPairs, 1, (r) => r.durationMs),
          ),
  };
  return { items, summary };
}
