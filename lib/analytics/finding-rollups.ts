// What one trace's findings add to the findings rollups (prisma FindingRollup), and the difference
// between two such contributions, so a re-analysed trace moves the rollups from its old findings to its
// new ones exactly. Pure.
//
// - Bucketed by the trace's start (like every trace metric), at the granularities its dimension keeps.
// - Dimensions: "all" (one group ""), the trace's task (name), its outermost agent and its user (whole
//   traces, as in the cost and latency metrics), the tool of tool loops and tool failures, and the
//   failure mode of failures. A trace without an agent or user adds nothing to those dimensions.
// - Each finding counts under its own type and under "*" (any type). `traces` is 1 per trace for each
//   (dimension, group, type) it appears in, however many findings put it there.
import { alignDown, GRANULARITY_MS, type Granularity } from "./buckets";

export const FINDING_DIMENSIONS = {
  all: ["1m", "1h", "1d"],
  task: ["1m", "1h", "1d"],
  agent: ["1m", "1h", "1d"],
  user: ["1h", "1d"],
  tool: ["1h", "1d"],
  failureMode: ["1h", "1d"],
} as const satisfies Record<string, readonly Granularity[]>;

export type FindingDimension = keyof typeof FINDING_DIMENSIONS;

/** The finding type "any type" stands for in rollup rows. */
export const ANY_FINDING = "*";

/** The trace-level keys a trace's findings are rolled up under, as they were when its findings were counted. */
export type FindingBasis = { startMs: number; task: string; agent: string | null; userId: string | null };

/** The part of a finding the rollups read. */
export type RolledFinding = { type: string; toolName?: string | null; failureMode?: string | null; wastedMs: number; wastedCostUsd: number | null };

export type FindingRollupKey = {
  dimension: FindingDimension;
  granularity: Granularity;
  bucketStartMs: number;
  groupKey: string;
  findingType: string;
};

export type FindingRollupFigures = { traces: number; occurrences: number; wastedMs: number; wastedCostUsd: number; pricedCount: number };

export type FindingRollupDelta = FindingRollupKey & FindingRollupFigures;

const SEPARATOR = "\u0000";

const keyOf = (k: FindingRollupKey) => [k.dimension, k.granularity, k.bucketStartMs, k.groupKey, k.findingType].join(SEPARATOR);

/** Every rollup row one trace's findings add to, with what they add. Empty without findings. */
export function findingContributions(findings: readonly RolledFinding[], basis: FindingBasis): Map<string, FindingRollupDelta> {
  const rows = new Map<string, FindingRollupDelta>();
  for (const finding of findings) {
    const groups: [FindingDimension, string][] = [
      ["all", ""],
      ["task", basis.task],
    ];
    if (basis.agent) groups.push(["agent", basis.agent]);
    if (basis.userId) groups.push(["user", basis.userId]);
    if (finding.toolName) groups.push(["tool", finding.toolName]);
    if (finding.failureMode) groups.push(["failureMode", finding.failureMode]);
    for (const [dimension, groupKey] of groups) {
      for (const findingType of [finding.type, ANY_FINDING]) {
        for (const granularity of FINDING_DIMENSIONS[dimension]) {
          const key: FindingRollupKey = { dimension, granularity, bucketStartMs: alignDown(basis.startMs, GRANULARITY_MS[granularity]), groupKey, findingType };
          const id = keyOf(key);
          let row = rows.get(id);
          if (!row) {
            row = { ...key, traces: 1, occurrences: 0, wastedMs: 0, wastedCostUsd: 0, pricedCount: 0 };
            rows.set(id, row);
          }
          row.occurrences += 1;
          row.wastedMs += finding.wastedMs;
          if (finding.wastedCostUsd !== null) {
            row.wastedCostUsd += finding.wastedCostUsd;
            row.pricedCount += 1;
          }
        }
      }
    }
  }
  return rows;
}

/** `after` − `before`, row by row; rows that do not change are left out. */
export function contributionChange(before: Map<string, FindingRollupDelta>, after: Map<string, FindingRollupDelta>): FindingRollupDelta[] {
  const changes: FindingRollupDelta[] = [];
  for (const [id, next] of after) {
    const previous = before.get(id);
    const change = previous ? subtract(next, previous) : next;
    if (!isZero(change)) changes.push(change);
  }
  for (const [id, previous] of before)
    if (!after.has(id)) changes.push(subtract({ ...previous, traces: 0, occurrences: 0, wastedMs: 0, wastedCostUsd: 0, pricedCount: 0 }, previous));
  return changes;
}

/** Deltas of the same row summed (several traces stored together); rows that sum to nothing left out. */
export function mergeDeltas(deltas: Iterable<FindingRollupDelta>): FindingRollupDelta[] {
  const rows = new Map<string, FindingRollupDelta>();
  for (const delta of deltas) {
    const id = keyOf(delta);
    const sum = rows.get(id);
    if (sum) rows.set(id, add(sum, delta));
    else rows.set(id, { ...delta });
  }
  return [...rows.values()].filter((row) => !isZero(row));
}

const add = (a: FindingRollupDelta, b: FindingRollupFigures): FindingRollupDelta => ({
  ...a,
  traces: a.traces + b.traces,
  occurrences: a.occurrences + b.occurrences,
  wastedMs: a.wastedMs + b.wastedMs,
  wastedCostUsd: a.wastedCostUsd + b.wastedCostUsd,
  pricedCount: a.pricedCount + b.pricedCount,
});

function subtract(a: FindingRollupDelta, b: FindingRollupFigures): FindingRollupDelta {
  return {
    ...a,
    traces: a.traces - b.traces,
    occurrences: a.occurrences - b.occurrences,
    wastedMs: a.wastedMs - b.wastedMs,
    wastedCostUsd: a.wastedCostUsd - b.wastedCostUsd,
    pricedCount: a.pricedCount - b.pricedCount,
  };
}

const isZero = (d: FindingRollupFigures) => d.traces === 0 && d.occurrences === 0 && d.wastedMs === 0 && d.wastedCostUsd === 0 && d.pricedCount === 0;
