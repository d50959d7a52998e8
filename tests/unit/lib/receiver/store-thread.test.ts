// The SQLite writer thread (the bundle `npm start` builds) must leave exactly the rows storeBatch leaves
// in the request thread, hand the database's error codes back (they choose the HTTP status), keep a
// failed batch all-or-nothing, and be replaced when it dies.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBins } from "@/lib/analytics/sketch";
import { foldPending } from "@/lib/data/analytics/rollup-writer";
import { storeBatch } from "@/lib/data/ingest/store-batch";
import { type WriteBatch } from "@/lib/ingest/write-batch";
import { createStoreThread, type StoreThread } from "@/lib/receiver/store-thread";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { buildWorkers } from "../../../../scripts/lib/build-workers";
import { applyMigrations } from "../../support/migrated-sqlite";
import { normaliseFixture, type FixtureName } from "../ingest/support/otlp";

// Inside the project, so the bundle's external packages resolve from its node_modules.
const ROOT = path.resolve(import.meta.dirname, "../../../../tmp/store-thread-test");
const FIXTURES: FixtureName[] = ["vercel-ai", "openai-official", "openinference", "openllmetry", "langfuse"];
const TABLES = {
  spans: `"traceId", "spanId"`,
  traces: `"traceId"`,
  trace_facets: `"facet", "value", "traceId"`,
  metric_rollups: `"dimension", "granularity", "bucketStartMs", "groupKey"`,
  resources: `"id"`,
};

const dir = mkdtempSync(path.join(tmpdir(), "hindsight-store-thread-"));
let thread: StoreThread;
let threadDb: Sql; // reads what the thread wrote
let inThread: Sql; // the same batches through storeBatch in this thread

async function migrated(file: string): Promise<Sql> {
  const sql = openSqlite(path.join(dir, file), "NORMAL");
  await applyMigrations(sql);
  return sql;
}

const batchOf = (name: FixtureName): WriteBatch => {
  const { spans, resources } = normaliseFixture(name);
  return { projectId: "default", spans, resources, logs: [] };
};
const countSpans = async (sql: Sql) => Number((await sql.query<{ n: bigint }>(`SELECT count(*) AS n FROM "spans"`))[0]!.n);

beforeAll(async () => {
  buildWorkers(ROOT);
  threadDb = await migrated("thread.db");
  inThread = await migrated("in-thread.db");
  thread = createStoreThread({ file: path.join(dir, "thread.db"), synchronous: "FULL" }, ROOT)!;
}, 60_000);

afterAll(async () => {
  await thread?.close();
  await Promise.all([threadDb?.close(), inThread?.close()]);
  rmSync(dir, { recursive: true, force: true });
  rmSync(ROOT, { recursive: true, force: true });
});

describe("SQLite writer thread", () => {
  it("stores every captured fixture exactly as storeBatch does in the request thread", async () => {
    for (const name of FIXTURES) {
      await thread.store(batchOf(name));
      await storeBatch(inThread, batchOf(name));
    }
    // The map's rollups a commit left pending are folded in on either side (when is a matter of timing).
    for (const sql of [threadDb, inThread]) await foldPending(sql, "default");
    for (const [table, key] of Object.entries(TABLES)) {
      // Histogram bins are compared as histograms: their JSON key order depends on the writer's row cache.
      const rows = async (sql: Sql) =>
        (await sql.query(`SELECT * FROM "${table}" ORDER BY ${key}`)).map((row) => ("bins" in row ? { ...row, bins: decodeBins(row.bins as string) } : row));
      const [written, expected] = [await rows(threadDb), await rows(inThread)];
      expect(written.length, table).toBeGreaterThan(0);
      expect(written, table).toEqual(expected);
    }
  });

  it("rejects with the database's error code and stores nothing of that batch", async () => {
    const before = await countSpans(threadDb);
    const { spans, resources } = batchOf("langfuse");
    const fresh = spans.map((span) => ({ ...span, traceId: "f".repeat(32) }));
    // A NOT NULL column left empty fails the INSERT of the last span, after the others went in.
    fresh[fresh.length - 1] = { ...fresh.at(-1)!, name: null as unknown as string };
    await expect(thread.store({ projectId: "default", spans: fresh, resources, logs: [] })).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_NOTNULL" });
    expect(await countSpans(threadDb)).toBe(before);
  });

  it("holds batches until a commit stores them; after a failed commit of several, each is committed alone", async () => {
    const before = await countSpans(threadDb);
    const { spans, resources } = batchOf("vercel-ai");
    const good = spans.map((span) => ({ ...span, traceId: "c".repeat(32) }));
    const bad = spans.map((span) => ({ ...span, traceId: "d".repeat(32), name: null as unknown as string }));
    const [heldGood, heldBad] = [
      thread.hold({ projectId: "default", spans: good, resources, logs: [] }),
      thread.hold({ projectId: "default", spans: bad, resources, logs: [] }),
    ];
    await expect(thread.commit([heldGood, heldBad])).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_NOTNULL" });
    expect(await countSpans(threadDb)).toBe(before);
    await thread.commit([heldGood]); // still held after the failed commit of both, as write-queue.ts retries
    await expect(thread.commit([heldBad])).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_NOTNULL" });
    expect(await countSpans(threadDb)).toBe(before + good.length);
    // A batch is forgotten after a commit of it alone, whatever its outcome: nothing stays held for ever.
    await expect(thread.commit([heldBad])).rejects.toThrow(/is not held/);
    await expect(thread.commit([heldGood])).rejects.toThrow(/is not held/);
  });

  it("fails the batch of a thread that dies, all or nothing, and starts a new thread", async () => {
    const before = await countSpans(threadDb);
    const { spans, resources } = batchOf("openinference");
    // Many traces, so the transaction is still running when the thread is stopped.
    const big = Array.from({ length: 300 }, (_, i) => spans.map((span) => ({ ...span, traceId: i.toString(16).padStart(32, "a") }))).flat();
    const inFlight = thread.store({ projectId: "default", spans: big, resources, logs: [] });
    await thread.close();
    await expect(inFlight).rejects.toThrow(/SQLite writer thread/);
    expect([before, before + big.length]).toContain(await countSpans(threadDb));
    // A batch the dead thread held cannot be committed by the new one.
    const heldByDeadThread = thread.hold(batchOf("openllmetry"));
    await thread.close();
    await expect(thread.commit([heldByDeadThread])).rejects.toThrow(/restarted before these spans were committed/);
    const { spans: more, resources: moreResources } = batchOf("openllmetry");
    await thread.store({ projectId: "default", spans: more.map((span) => ({ ...span, traceId: "e".repeat(32) })), resources: moreResources, logs: [] });
    expect(await threadDb.query(`SELECT "traceId" FROM "traces" WHERE "traceId" = ?`, ["e".repeat(32)])).toHaveLength(1);
  });
});

describe("createStoreThread", () => {
  it("returns null (commit in the request thread) when the bundle is missing", () => {
    expect(createStoreThread({ file: path.join(dir, "x.db"), synchronous: "NORMAL" }, path.join(ROOT, "nowhere"))).toBeNull();
  });
});
