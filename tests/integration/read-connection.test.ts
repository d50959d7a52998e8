// The raw read path of the analytics API on each database the servers run on: the read connection
// (lib/db/read-connection.ts) reads the rollups ingest wrote as arrays of numbers (PostgreSQL's
// int8, COUNT and SUM included) and strings, its sessions cannot write, and readRollupRows
// (lib/data/analytics/rollup-rows.ts: packed numbers on PostgreSQL) gives the same rows, in the same order.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { projectScope } from "@/lib/data/scope";
import { readRollupRows } from "@/lib/data/analytics/rollup-rows";
import { foldPending } from "@/lib/data/analytics/rollup-writer";
import { openReadConnection, type ReadConnection } from "@/lib/db/read-connection";
import { forEachDatabase } from "./support";
import { withDatabase } from "../support/seed-users";
import { exportTraces, HOUR, MINUTE, randomBaseHour } from "./support/metrics-seed";

const chat = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o-mini",
  "gen_ai.usage.input_tokens": 1000,
  "gen_ai.usage.output_tokens": 100,
};
/** gpt-4o-mini at $0.15 / $0.60 per million tokens. */
const RUN_COST = (1000 * 0.15 + 100 * 0.6) / 1e6;

forEachDatabase((server) => {
  const name = `read-${randomBytes(4).toString("hex")}`;
  const base = randomBaseHour() + 100 * HOUR;
  let reader: ReadConnection;

  beforeAll(async () => {
    reader = openReadConnection(getEnv({ ...process.env, DATABASE_URL: server.databaseUrl }).database, 2);
    const run = (startMs: number) => ({
      name,
      startMs,
      durationMs: 500,
      attributes: {},
      children: [{ name: "chat", offsetMs: 10, durationMs: 300, attributes: chat }],
    });
    await exportTraces(server, [run(base + MINUTE), run(base + 2 * MINUTE), run(base - 50 * HOUR)]);
    // The rows themselves are read here, not through the API: fold what ingest left pending, as every API read does.
    await withDatabase(server.databaseUrl, (sql) => foldPending(sql, "default"));
  });

  afterAll(async () => {
    await reader?.close();
  });

  it("reads the rollups ingest wrote, integers as numbers", async () => {
    expect(reader.dialect).toBe(server.name);
    const rows = await reader.rows(
      `SELECT "groupKey", "bucketStartMs", "count", "inputTokens", "costUsd" FROM "metric_rollups"
       WHERE "projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "groupKey" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ?`,
      ["default", "trace.name", "1h", name, base, base + HOUR],
    );
    expect(rows).toEqual([[name, base, 2, 2000, expect.closeTo(2 * RUN_COST, 15)]]);
    const [totals] = await reader.rows(`SELECT COUNT(*), SUM("inputTokens") FROM "metric_rollups" WHERE "groupKey" = ? AND "granularity" = ?`, [name, "1m"]);
    expect(totals).toEqual([3, 3000]);
  });

  it.each([
    ["a short range", base - 60 * HOUR, base + HOUR],
    ["a long range", base - 100 * HOUR, base + 100 * HOUR],
  ])("reads the same rows through readRollupRows over %s", async (_, startMs, endMs) => {
    const plain = await reader.rows(
      `SELECT "groupKey", "bucketStartMs", "count", "costUsd", "maxMs", "bins" FROM "metric_rollups"
       WHERE "projectId" = ? AND "dimension" = ? AND "granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ? AND "count" > 0 ORDER BY "bucketStartMs", "groupKey"`,
      ["default", "trace.name", "1h", startMs, endMs],
    );
    const query = { dimension: "trace.name", granularity: "1h", startMs, endMs, numbers: ["count", "costUsd", "maxMs"], withBins: true } as const;
    const rows = await readRollupRows(projectScope("default"), query, (group, ms, numbers, bins) => [group, ms, ...numbers, bins], reader);
    expect(rows.filter((r) => r[0] === name).map((r) => r.slice(0, 3))).toEqual([
      [name, base - 50 * HOUR, 1],
      [name, base, 2],
    ]);
    expect(rows).toEqual(plain); // exact: packed float8 text parses back to the same numbers
  });

  it("cannot write", async () => {
    const insert = `INSERT INTO "projects" ("id", "name") VALUES (?, ?) RETURNING "id"`;
    await expect(reader.rows(insert, [`read-only-${name}`, "nope"])).rejects.toThrow(/read-?only/i);
  });
});
