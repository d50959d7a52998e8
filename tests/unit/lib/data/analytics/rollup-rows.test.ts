// readRollupRows against a stand-in read connection: the SQL each dialect gets (plain columns on
// SQLite, packed numbers on PostgreSQL, both in primary-key order) and the rows its builder sees.
import { describe, expect, it } from "vitest";
import { projectScope } from "@/lib/data/scope";
import { readRollupRows, type RollupRowsQuery } from "@/lib/data/analytics/rollup-rows";
import type { ReadConnection, ReadValue } from "@/lib/db/read-connection";

const HOUR = 3_600_000;
type Call = { text: string; params: readonly ReadValue[] };

/** A read connection answering every query with `rows`, recording the calls. */
function fakeConnection(dialect: "sqlite" | "postgres", rows: unknown[][]): ReadConnection & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    dialect,
    calls,
    async rows(text, params = []) {
      calls.push({ text, params });
      return rows;
    },
    async eachRow(text, params, each) {
      calls.push({ text, params });
      for (const row of rows) each(row);
    },
    async close() {},
  };
}

const query = (withBins = false): RollupRowsQuery => ({
  dimension: "trace.session",
  granularity: "1h",
  startMs: 0,
  endMs: 720 * HOUR,
  numbers: ["count", "costUsd"],
  withBins,
});
const SCOPE = projectScope("default");
const asTuple = (group: string, ms: number, numbers: readonly number[], bins: string | undefined) => [group, ms, ...numbers, bins];

describe("readRollupRows", () => {
  it("reads SQLite's columns as they are, in primary-key order", async () => {
    const read = fakeConnection("sqlite", [
      ["a", 0, 2, 0.1 + 0.2, "{}"],
      ["b", HOUR, 1, 1e-7, "{}"],
    ]);
    expect(await readRollupRows(SCOPE, query(true), asTuple, read)).toEqual([
      ["a", 0, 2, 0.1 + 0.2, "{}"],
      ["b", HOUR, 1, 1e-7, "{}"],
    ]);
    expect(read.calls).toEqual([
      {
        text: expect.stringMatching(
          /^SELECT "groupKey", "bucketStartMs", "count", "costUsd", "bins" FROM "metric_rollups" WHERE .* ORDER BY "bucketStartMs", "groupKey"$/,
        ),
        params: ["default", "trace.session", "1h", 0, 720 * HOUR],
      },
    ]);
  });

  it("unpacks PostgreSQL's packed numbers exactly, histograms after them", async () => {
    const read = fakeConnection("postgres", [
      ["a", `0,2,${0.1 + 0.2}`, '{"10":2}'],
      ["b", `${HOUR},1,1e-07`, "{}"],
    ]);
    expect(await readRollupRows(SCOPE, query(true), asTuple, read)).toEqual([
      ["a", 0, 2, 0.1 + 0.2, '{"10":2}'],
      ["b", HOUR, 1, 1e-7, "{}"],
    ]);
    expect(read.calls[0]!.text).toMatch(
      /^SELECT "groupKey", concat_ws\(',', "bucketStartMs", "count", "costUsd"\), "bins" FROM .* ORDER BY "bucketStartMs", "groupKey"$/,
    );
  });

  it("gives each row its own numbers, though the builder is handed one reused array", async () => {
    const read = fakeConnection("postgres", [
      ["a", "0,1,0.5"],
      ["b", "0,2,0.25"],
    ]);
    expect(await readRollupRows(SCOPE, query(), (group, _ms, numbers) => ({ group, count: numbers[0], cost: numbers[1] }), read)).toEqual([
      { group: "a", count: 1, cost: 0.5 },
      { group: "b", count: 2, cost: 0.25 },
    ]);
  });
});
