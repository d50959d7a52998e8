// Facet changes an ingest commit leaves pending on SQLite are applied in commit order, the last change
// of each key winning, by the next commit due to fold or by any other writer; a pending change of a
// trace deleted since is dropped instead of failing the fold (and every ingest commit after it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FacetChanges, foldFacets, writeFacets, type FacetKey } from "@/lib/data/traces/facet-writes";
import { openSqlite } from "@/lib/db/sqlite";
import type { Sql } from "@/lib/db/sql";
import { applyMigrations } from "../../../support/migrated-sqlite";

const dir = mkdtempSync(path.join(tmpdir(), "hindsight-facets-"));
let sql: Sql;
let project = "";
let clock = 0;

beforeAll(async () => {
  sql = openSqlite(path.join(dir, "facets.db"), "NORMAL");
  await applyMigrations(sql);
});
afterAll(async () => {
  await sql.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  clock = Date.parse("2026-12-07T12:00:00Z");
  vi.setSystemTime(clock);
  project = `p${Math.random().toString(36).slice(2)}`;
});
afterEach(() => {
  vi.useRealTimers();
});

async function storeTraces(...traceIds: string[]): Promise<void> {
  for (const traceId of traceIds)
    await sql.run(
      `INSERT INTO "traces" ("projectId", "traceId", "name", "startNs", "endNs", "durationMs", "status", "spanCount", "errorCount",
        "llmCallCount", "toolCallCount", "inputTokens", "outputTokens", "totalTokens", "models")
       VALUES (?, ?, 'run', 0, 1, 1, 'ok', 1, 0, 0, 0, 0, 0, 0, '[]')`,
      [project, traceId],
    );
}

/** An ingest commit `afterMs` after the test's start. */
async function commit(afterMs: number, add: FacetKey[], remove: FacetKey[] = []): Promise<void> {
  vi.setSystemTime(clock + afterMs);
  await sql.transaction((tx) => writeFacets(tx, project, new FacetChanges(add, remove), { mayDefer: true }));
}

const stored = async () =>
  (await sql.query<{ facet: string; value: string; traceId: string }>(`SELECT * FROM "trace_facets" WHERE "projectId" = ?`, [project]))
    .map((r) => `${r.facet}/${r.value}/${r.traceId}`)
    .sort();
const pending = async () => Number((await sql.query<{ n: unknown }>(`SELECT count(*) AS "n" FROM "facet_pending" WHERE "projectId" = ?`, [project]))[0]!.n);

const EDGE_A: FacetKey = ["graph.edge", "agent:planner->tool:search", "t1"];
const EDGE_B: FacetKey = ["graph.edge", "agent:executor->tool:search", "t1"];
const TOOL: FacetKey = ["tool", "search", "t1"];

describe("facet changes left pending", () => {
  it("apply in commit order when folded", async () => {
    await storeTraces("t1");
    await commit(0, [EDGE_A, TOOL]); // the project's first commit folds: written at once
    expect(await stored()).toEqual(["graph.edge/agent:planner->tool:search/t1", "tool/search/t1"]);

    // A late executor run takes the edge over, then a later one gives it back: each commit waits.
    await commit(100, [EDGE_B], [EDGE_A]);
    await commit(200, [EDGE_A], [EDGE_B]);
    await commit(300, [EDGE_B], [EDGE_A]);
    expect(await pending()).toBe(3);
    expect(await stored()).toEqual(["graph.edge/agent:planner->tool:search/t1", "tool/search/t1"]);

    await sql.transaction((tx) => foldFacets(tx, project));
    expect(await pending()).toBe(0);
    expect(await stored()).toEqual(["graph.edge/agent:executor->tool:search/t1", "tool/search/t1"]);
  });

  it("are folded by the first commit a second after the last fold, its own changes last", async () => {
    await storeTraces("t1");
    await commit(0, [TOOL]);
    await commit(500, [EDGE_A]);
    expect(await pending()).toBe(1);
    await commit(1_000, [EDGE_B], [EDGE_A]);
    expect(await pending()).toBe(0);
    expect(await stored()).toEqual(["graph.edge/agent:executor->tool:search/t1", "tool/search/t1"]);
  });

  it("drop a pending add of a trace deleted since instead of failing every later commit", async () => {
    await storeTraces("t1", "t2");
    await commit(0, [TOOL]);
    await commit(100, [["tool", "search", "t2"]]);
    await sql.run(`DELETE FROM "traces" WHERE "projectId" = ? AND "traceId" = 't2'`, [project]);
    await commit(2_000, [EDGE_A]);
    expect(await pending()).toBe(0);
    expect(await stored()).toEqual(["graph.edge/agent:planner->tool:search/t1", "tool/search/t1"]);
  });

  it("skip an unreadable pending row and apply the rest", async () => {
    await storeTraces("t1");
    await commit(0, [TOOL]);
    await sql.run(`INSERT INTO "facet_pending" ("projectId", "changes") VALUES (?, 'not json'), (?, '{"add":[["graph.edge"]],"remove":7}')`, [project, project]);
    await commit(100, [EDGE_A]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await sql.transaction((tx) => foldFacets(tx, project));
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
    expect(await stored()).toEqual(["graph.edge/agent:planner->tool:search/t1", "tool/search/t1"]);
  });
});
