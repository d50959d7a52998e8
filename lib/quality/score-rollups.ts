// What one score adds to the score rollups (prisma ScoreRollup): a row per granularity for its name, and
// for the task, agent and each model of the scored trace once they are known. When the trace's
// attribution changes (its root span arrived after the score, a late span added a model), the old
// contributions are taken away and the new ones added, so every bucket stays exact. Pure.
import { alignDown, GRANULARITY_MS } from "@/lib/analytics/buckets";

export const SCORE_GRANULARITIES = ["1h", "1d"] as const;
export type ScoreGranularity = (typeof SCORE_GRANULARITIES)[number];
export type ScoreDimension = "name" | "task" | "agent" | "model";

/** The facts of a score the rollups count; none of them changes after the score is stored. */
export type ScoreFacts = { name: string; value: number | null; passed: boolean; timeMs: number };

/** Where a score's trace puts it: null fields are not known (yet). */
export type ScoreAttribution = { task: string | null; agent: string | null; models: string[] | null };

export const UNATTRIBUTED: ScoreAttribution = { task: null, agent: null, models: null };

export type ScoreRollupRow = {
  dimension: ScoreDimension;
  granularity: ScoreGranularity;
  bucketStartMs: number;
  groupKey: string;
  name: string;
  count: number;
  valueCount: number;
  valueSum: number;
  passCount: number;
};

export const sameAttribution = (a: ScoreAttribution, b: ScoreAttribution) =>
  a.task === b.task && a.agent === b.agent && JSON.stringify(a.models) === JSON.stringify(b.models);

/** Summed changes to rollup rows, merged by key (one upsert per row, in key order). */
export class ScoreRollupDeltas {
  private readonly rows = new Map<string, ScoreRollupRow>();

  /** Adds (sign 1) or takes away (sign −1) the contributions of the score's name. */
  addName(score: ScoreFacts, sign: 1 | -1): void {
    this.addGroups(score, [["name", score.name]], sign);
  }

  /** Adds or takes away the contributions of the score's task, agent and models. */
  addAttribution(score: ScoreFacts, attribution: ScoreAttribution, sign: 1 | -1): void {
    const groups: [ScoreDimension, string][] = [];
    if (attribution.task !== null) groups.push(["task", attribution.task]);
    if (attribution.agent !== null) groups.push(["agent", attribution.agent]);
    for (const model of new Set(attribution.models ?? [])) groups.push(["model", model]);
    this.addGroups(score, groups, sign);
  }

  private addGroups(score: ScoreFacts, groups: [ScoreDimension, string][], sign: 1 | -1): void {
    for (const granularity of SCORE_GRANULARITIES) {
      const bucketStartMs = alignDown(score.timeMs, GRANULARITY_MS[granularity]);
      for (const [dimension, groupKey] of groups) {
        const key = [dimension, granularity, bucketStartMs, groupKey, score.name].join("\u0000");
        let row = this.rows.get(key);
        if (!row) {
          row = { dimension, granularity, bucketStartMs, groupKey, name: score.name, count: 0, valueCount: 0, valueSum: 0, passCount: 0 };
          this.rows.set(key, row);
        }
        row.count += sign;
        if (score.value !== null) {
          row.valueCount += sign;
          row.valueSum += sign * score.value;
        }
        if (score.passed) row.passCount += sign;
      }
    }
  }

  /** Rows that change, in key order (two PostgreSQL writers then lock rows in one order and never deadlock). */
  changedRows(): ScoreRollupRow[] {
    return [...this.rows.entries()]
      .filter(([, r]) => r.count !== 0 || r.valueCount !== 0 || r.valueSum !== 0 || r.passCount !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  }
}
