// The writer thread's rollup row cache on its own: bounded, least recently stored rows evicted first,
// emptied when another connection commits. Its use by storeBatch is covered by rollup-consistency.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RollupRowCache } from "@/lib/data/analytics/rollup-cache";
import type { RollupRow } from "@/lib/analytics/rollup-delta";
import { openSqlite } from "@/lib/db/sqlite";

const row = (group: string): RollupRow => ({
  dimension: "trace.name",
  granularity: "1h",
  bucketStartMs: 0,
  group,
  count: 1,
  errorCount: 0,
  llmCallCount: 0,
  toolCallCount: 0,
  durationSumMs: 1,
  costUsd: 0,
  inputTokens: 0,
  outputTokens: 0,
  maxMs: 1,
  p50Ms: 1,
  p95Ms: 1,
  p99Ms: 1,
  bins: new Map(),
});

describe("RollupRowCache", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-rollup-cache-unit-"));
  const file = path.join(dir, "cache.db");
  const writer = openSqlite(file, "NORMAL");
  const other = openSqlite(file, "NORMAL");
  afterAll(async () => {
    await other.close();
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps at most maxRows, evicting the row stored longest ago", () => {
    const cache = new RollupRowCache(2);
    cache.set("a", row("a"));
    cache.set("b", row("b"));
    cache.set("a", row("a2")); // stored again: now the most recent
    cache.set("c", row("c"));
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.group).toBe("a2");
    expect(cache.get("c")?.group).toBe("c");
  });

  it("survives its own connection's commits and empties after another connection's", async () => {
    await writer.run(`CREATE TABLE IF NOT EXISTS t (x INTEGER)`);
    const cache = new RollupRowCache();
    await writer.transaction((tx) => cache.validate(tx));
    cache.set("a", row("a"));
    await writer.run(`INSERT INTO t VALUES (1)`);
    await writer.transaction((tx) => cache.validate(tx));
    expect(cache.get("a")).toBeDefined();
    await other.run(`INSERT INTO t VALUES (2)`);
    await writer.transaction((tx) => cache.validate(tx));
    expect(cache.get("a")).toBeUndefined();
  });
});
