import "server-only";
// The rollup rows behind the analytics API's points (lib/analytics/series.ts builds the points), read
// through the raw read connection and handed to a builder one by one as they are decoded, in point
// order. 30 days of hourly rows per session are ~40,000 rows, so the per-row cost is what counts.
//
// Both databases walk the primary key (projectId, dimension, granularity, bucketStartMs, groupKey), which gives
// the point order without a sort, so rows stream from the first one (on PostgreSQL this takes the read
// pool's random_page_cost, lib/db/read-connection.ts). SQLite: plain columns; better-sqlite3's cost
// is per row, not per column. PostgreSQL: node-postgres makes a string of every field before parsing
// it, so the numeric columns come packed into one text field ("ms,n1,n2,…"; float8 text is
// shortest-exact with extra_float_digits=1, also set on the read pool, so parsing gives back the same
// numbers). 43k rows take ~60–75 ms this way on either database, ~175–200 through Prisma's $queryRaw.
import type { Granularity } from "@/lib/analytics/buckets";
import { getReadConnection, type ReadConnection } from "@/lib/db/read-connection";
import type { ProjectScope } from "@/lib/data/scope";
import { foldPendingRollups } from "./rollup-fold";


export type RollupNumber = "count" | "errorCount" | "llmCallCount" | "toolCallCount" | "costUsd" | "inputTokens" | "outputTokens" | "maxMs" | "p50Ms" | "p95Ms" | "p99Ms";

export type RollupRowsQuery = {
  dimension: string;
  granularity: Granularity;
  /** Rows with startMs ≤ bucketStartMs < endMs (and count > 0). */
  startMs: number;
  endMs: number;
  numbers: readonly RollupNumber[];
  /** Also the histogram text (needed only to merge rows into larger buckets). */
  withBins?: boolean;
  /** Only the rows of these groups (all groups when absent). */
  groups?: readonly string[];
};

/** Builds one row's result; `numbers` holds query.numbers in order and is reused for the next row. */
export type RowBuilder<T> = (group: string, bucketStartMs: number, numbers: readonly number[], bins: string | undefined) => T;

export const FILTER = `"projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ? AND "count" > 0`;
/** The parameters of FILTER, in order. */
export const filterParams = (scope: ProjectScope, query: Omit<RollupRowsQuery, "numbers">) => [
  scope.projectId,
  query.dimension,
  query.granularity,
  query.startMs,
  query.endMs,
];
/** `AND "groupKey" [NOT] IN (?, …)` for `groups` (nothing when there are none). */
export const groupsFilter = (groups: readonly string[] | undefined, not = false) =>
  groups?.length ? ` AND "groupKey" ${not ? "NOT " : ""}IN (${groups.map(() => "?").join(", ")})` : "";
// The key's order; groups come in JavaScript's order where the collation is byte order (SQLite's
// BINARY, PostgreSQL's C and C.UTF-8); elsewhere (en_US.UTF-8…) orderPoints sorts them afterwards.
const ORDER = `"bucketStartMs", "groupKey"`;
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/**
 * `build` applied to each row of `query`, by bucket, then group (the database's collation), once the
 * pending deltas are folded in. With a connection of its own (tests), the rows as they are.
 */
export async function readRollupRows<T>(scope: ProjectScope, query: RollupRowsQuery, build: RowBuilder<T>, own?: ReadConnection): Promise<T[]> {
  if (!own) await foldPendingRollups(scope.projectId);
  const read = own ?? getReadConnection();
  const count = query.numbers.length;
  const numbers = new Array<number>(count).fill(0);
  const columns = quoted(["bucketStartMs", ...query.numbers]);
  const bins = query.withBins ? `, "bins"` : "";
  const params = [...filterParams(scope, query), ...(query.groups ?? [])];
  const where = FILTER + groupsFilter(query.groups);
  const out: T[] = [];
  if (read.dialect === "sqlite") {
    await read.eachRow(`SELECT "groupKey", ${columns}${bins} FROM "metric_rollups" WHERE ${where} ORDER BY ${ORDER}`, params, (row) => {
      for (let i = 0; i < count; i++) numbers[i] = row[i + 2] as number;
      out.push(build(row[0] as string, row[1] as number, numbers, row[count + 2] as string | undefined));
    });
  } else {
    await read.eachRow(`SELECT "groupKey", concat_ws(',', ${columns})${bins} FROM "metric_rollups" WHERE ${where} ORDER BY ${ORDER}`, params, (row) => {
      const values = (row[1] as string).split(",");
      for (let i = 0; i < count; i++) numbers[i] = Number(values[i + 1]);
      out.push(build(row[0] as string, Number(values[0]), numbers, row[2] as string | undefined));
    });
  }
  return out;
}
