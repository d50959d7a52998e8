import "server-only";
// Adds findings-rollup deltas (lib/analytics/finding-rollups.ts) to their rows: a new row takes the delta,
// an existing one adds it. Rows that fall to zero stay (they read as nothing: the API skips them).
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { FindingRollupDelta } from "@/lib/analytics/finding-rollups";

const COLUMNS = [
  "projectId",
  "dimension",
  "granularity",
  "bucketStartMs",
  "groupKey",
  "findingType",
  "traces",
  "occurrences",
  "wastedMs",
  "wastedCostUsd",
  "pricedCount",
] as const;
const SUMMED = COLUMNS.slice(6);
const ADD = `("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "findingType") DO UPDATE SET ${SUMMED.map(
  (c) => `"${c}" = "finding_rollups"."${c}" + excluded."${c}"`,
).join(", ")}`;

/** Applies the deltas in key order (two PostgreSQL writers then lock rows in one order). */
export async function applyFindingRollups(tx: Sql, projectId: string, deltas: readonly FindingRollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const rows: SqlValue[][] = deltas.map((d) => [
    projectId,
    d.dimension,
    d.granularity,
    d.bucketStartMs,
    d.groupKey,
    d.findingType,
    d.traces,
    d.occurrences,
    d.wastedMs,
    d.wastedCostUsd,
    d.pricedCount,
  ]);
  rows.sort((a, b) => compareKeys(a, b));
  await tx.insertMany("finding_rollups", COLUMNS, rows, ADD);
}

function compareKeys(a: SqlValue[], b: SqlValue[]): number {
  for (let i = 1; i < 6; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
