// The invariant behind the rollups: whatever order spans arrive in, in whatever batches, re-sent or not,
// and after price changes (also with the writer thread's row cache), the maintained rows equal rollups
// computed from scratch over the stored spans. Runs storeBatch and recomputeCosts against a real (temporary) SQLite database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRANULARITY_MS } from "@/lib/analytics/buckets";
import { spanContributions, traceContributions, type Contribution } from "@/lib/analytics/contributions";
import { resolveSpans, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import { graphContributions } from "@/lib/analytics/graph/graph-contributions";
import { DIMENSIONS } from "@/lib/analytics/dimensions";
import { RollupRowCache } from "@/lib/data/analytics/rollup-cache";
import { rollupId, type RollupRow } from "@/lib/analytics/rollup-delta";
import { addValue, decodeBins } from "@/lib/analytics/sketch";
import { recomputeCosts } from "@/lib/data/ingest/recompute-costs";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { storeBatch } from "@/lib/data/ingest/store-batch";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { buildPriceBook, computeCost } from "@/lib/pricing/compute";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { applyMigrations } from "../../support/migrated-sqlite";

// Two minutes before midnight: traces cross a minute, hour and day boundary (a day and its first hour share a start).
const BASE_MS = Date.UTC(2026, 10, 21, 23, 58);
let seed = 20261121;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const hexId = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, "0");

function record(traceId: string, spanId: string, parentSpanId: string | null, startMs: number, durationMs: number, extra: Partial<SpanRecord>): SpanRecord {
  const startNs = BigInt(Math.round(startMs * 1000)) * 1000n;
  return {
    traceId,
    spanId,
    parentSpanId,
    name: `op-${spanId.slice(-2)}`,
    kind: "other",
    spanKind: 1,
    serviceName: "svc",
    scopeName: null,
    resourceId: "r",
    startNs,
    endNs: startNs + BigInt(Math.round(durationMs * 1000)) * 1000n,
    durationMs: Math.round(durationMs * 1000) / 1000,
    status: "ok",
    statusMessage: null,
    model: null,
    provider: null,
    inputTokens: null,
    outputTokens: null,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    reasoningTokens: null,
    costUsd: null,
    costSource: null,
    toolName: null,
    toolCallId: null,
    agentName: null,
    sessionId: null,
    userId: null,
    mcpServer: null,
    graphHint: null,
    input: null,
    output: null,
    attributes: "{}",
    events: "[]",
    links: null,
    ...extra,
  };
}

/** A trace: root, agent, LLM calls (one wrapper repeating its child's usage), tools; spread over ~3 minutes. */
function traceSpans(t: number): SpanRecord[] {
  const traceId = hexId(t + 1, 16);
  const id = (n: number) => hexId(t * 100 + n + 1, 8);
  const start = BASE_MS + random() * 6 * 60_000;
  const llm = (n: number, parent: string, model: string, extra: Partial<SpanRecord> = {}) => {
    const tokens = { inputTokens: Math.floor(random() * 2000), outputTokens: Math.floor(random() * 300) };
    const cost = computeCost(buildPriceBook(), model, "llm", { ...tokens, cacheReadTokens: null, cacheWriteTokens: null });
    return record(traceId, id(n), parent, start + random() * 90_000, 50 + random() * 5000, { kind: "llm", model, ...tokens, ...cost, ...extra });
  };
  const spans = [
    record(traceId, id(0), null, start, 120_000 + random() * 60_000, {
      name: pick(["triage", "summarise", "plan"]),
      kind: "agent",
      agentName: pick(["a1", "a2"]),
      userId: pick(["u1", "u2", null]),
      sessionId: pick(["s1", "s2", "s3"]),
    }),
    llm(1, id(0), pick(["gpt-4o-mini", "gpt-4o", "acme-unpriced"])),
    llm(2, id(0), "gpt-4o", { kind: "llm" }),
    llm(3, id(2), "gpt-4o"), // usage repeated by its parent: the parent is a wrapper
    record(traceId, id(4), id(0), start + random() * 120_000, random() * 900, {
      kind: "tool",
      toolName: pick(["search", "fetch", null]),
      status: random() < 0.2 ? "error" : "ok",
    }),
    // An MCP call seen by both sides: the client names no server, the server span (its child) does.
    record(traceId, id(5), id(0), start + 1000, 300, { kind: "tool", toolName: "lookup", mcpServer: "", spanKind: 3 }),
    record(traceId, id(6), id(5), start + 1010, 250, { kind: "tool", toolName: "lookup", mcpServer: "orders", spanKind: 2 }),
  ];
  return spans.filter((_, i) => i === 0 || random() < 0.9);
}

async function storedRows(sql: Sql): Promise<Map<string, RollupRow>> {
  const rows = await sql.query(`SELECT * FROM "metric_rollups" WHERE "count" > 0`);
  return new Map(
    rows.map((r) => {
      const row = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as Record<string, unknown>;
      const { groupKey, projectId: _project, ...rest } = row;
      const rollup = { ...rest, group: groupKey, bins: decodeBins(row.bins as string) } as unknown as RollupRow;
      return [rollupId(rollup), rollup];
    }),
  );
}

/**
 * Rollups computed from scratch over every stored span, independently of RollupDeltas (a bug there
 * must not hide in the expectation): every contribution at every granularity of its dimension.
 */
type Expected = Omit<RollupRow, "p50Ms" | "p95Ms" | "p99Ms"> & { values: number[] };

async function rebuiltRows(sql: Sql): Promise<Map<string, Expected>> {
  const rows = await sql.query<Record<string, unknown>>(`SELECT * FROM "spans"`);
  const contributions: Contribution[] = [];
  const byTrace = new Map<string, SummarySpan[]>();
  for (const r of rows) {
    const span = { ...r, startNs: BigInt(r.startNs as bigint), endNs: BigInt(r.endNs as bigint), durationMs: Number(r.durationMs) } as unknown as SpanRecord;
    for (const key of ["inputTokens", "outputTokens", "costUsd"] as const) (span as Record<string, unknown>)[key] = r[key] === null ? null : Number(r[key]);
    contributions.push(...spanContributions(span));
    byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
  }
  for (const [traceId, spans] of byTrace) {
    const summary = summariseTrace(traceId, spans);
    contributions.push(...traceContributions(summary, spans));
    contributions.push(...graphContributions(summary.name, resolveSpans(spans as GraphSummarySpan[])));
  }
  const expected = new Map<string, Expected>();
  for (const { dimension, group, item } of contributions) {
    for (const granularity of DIMENSIONS[dimension].granularities) {
      const size = GRANULARITY_MS[granularity];
      const key = { dimension, granularity, bucketStartMs: Math.floor(item.startMs / size) * size, group };
      const row = expected.get(rollupId(key)) ?? {
        ...key,
        count: 0,
        errorCount: 0,
        llmCallCount: 0,
        toolCallCount: 0,
        durationSumMs: 0,
        costUsd: 0,
        inputTokens: 0,
        outputTokens: 0,
        maxMs: 0,
        bins: new Map(),
        values: [] as number[],
      };
      row.count++;
      for (const t of ["errorCount", "llmCallCount", "toolCallCount", "costUsd", "inputTokens", "outputTokens"] as const) row[t] += item[t];
      row.durationSumMs += item.durationMs;
      row.maxMs = Math.max(row.maxMs, item.durationMs);
      row.values.push(item.durationMs);
      if (DIMENSIONS[dimension].histogram) addValue(row.bins, item.durationMs);
      expected.set(rollupId(key), row);
    }
  }
  return expected;
}

const nearestRank = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1]!;
const within1Pct = (actual: number, exact: number, label: string) => expect(Math.abs(actual - exact), label).toBeLessThanOrEqual(exact * 0.01);

function expectSameRollups(actual: Map<string, RollupRow>, expected: Map<string, Expected>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, { values, ...e }] of expected) {
    const { p50Ms, p95Ms, p99Ms, ...a } = actual.get(id)!;
    expect({ ...a, costUsd: 0, durationSumMs: 0, maxMs: 0 }, id).toEqual({ ...e, costUsd: 0, durationSumMs: 0, maxMs: 0 });
    expect(a.costUsd).toBeCloseTo(e.costUsd, 12);
    expect(a.durationSumMs).toBeCloseTo(e.durationSumMs, 6);
    within1Pct(a.maxMs, e.maxMs, `${id} max`);
    if (!DIMENSIONS[e.dimension].histogram) {
      expect([p50Ms, p95Ms, p99Ms], id).toEqual([0, 0, 0]);
      continue;
    }
    for (const [q, stored] of [
      [0.5, p50Ms],
      [0.95, p95Ms],
      [0.99, p99Ms],
    ] as const)
      within1Pct(stored, nearestRank(values, q), `${id} p${q * 100}`);
  }
}

/** Every stored summary row equals the summary of the trace's stored spans (however it was computed). */
async function expectSummariesOfStoredSpans(sql: Sql): Promise<number> {
  const spans = await sql.query<Record<string, unknown>>(`SELECT * FROM "spans"`);
  const byTrace = new Map<string, SummarySpan[]>();
  for (const r of spans) {
    const span = { ...r, startNs: BigInt(r.startNs as bigint), endNs: BigInt(r.endNs as bigint) } as unknown as SummarySpan;
    for (const key of ["inputTokens", "outputTokens", "costUsd"] as const) (span as Record<string, unknown>)[key] = r[key] === null ? null : Number(r[key]);
    byTrace.set(String(r.traceId), [...(byTrace.get(String(r.traceId)) ?? []), span]);
  }
  const stored = await sql.query<Record<string, unknown>>(
    `SELECT "traceId", "name", "rootSpanId", "spanCount", "startNs", "endNs", "inputTokens", "outputTokens", "costUsd", "agentName" FROM "traces"`,
  );
  expect(stored.length).toBe(byTrace.size);
  for (const row of stored) {
    const s = summariseTrace(String(row.traceId), byTrace.get(String(row.traceId))!);
    expect({
      ...row,
      startNs: BigInt(row.startNs as bigint),
      endNs: BigInt(row.endNs as bigint),
      inputTokens: Number(row.inputTokens),
      outputTokens: Number(row.outputTokens),
      costUsd: row.costUsd === null ? null : Number(row.costUsd),
    }).toEqual({
      traceId: s.traceId,
      name: s.name,
      rootSpanId: s.rootSpanId,
      spanCount: BigInt(s.spanCount),
      startNs: s.startNs,
      endNs: s.endNs,
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      costUsd: s.costUsd,
      agentName: s.agentName,
    });
  }
  return stored.length;
}

describe("maintained rollups", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-rollups-"));
  const sql = openSqlite(path.join(dir, "test.db"), "NORMAL");

  beforeAll(() => applyMigrations(sql));
  afterAll(async () => {
    await sql.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equal rollups rebuilt from the stored spans, after any arrival order, re-sends and price changes", async () => {
    const spans = Array.from({ length: 60 }, (_, t) => traceSpans(t)).flat();
    const arrivals = [...spans, ...spans.filter(() => random() < 0.3)].sort(() => random() - 0.5);
    for (let i = 0; i < arrivals.length;) {
      const size = 1 + Math.floor(random() * 12);
      await storeBatch(sql, { projectId: "default", spans: arrivals.slice(i, i + size), resources: [], logs: [] });
      i += size;
    }
    expectSameRollups(await storedRows(sql), await rebuiltRows(sql));
    expect(await expectSummariesOfStoredSpans(sql)).toBe(60);

    const override = new Map([
      ["gpt-4o", { provider: "openai", input: 7, output: 21, cacheRead: null, cacheWrite: null }],
      ["acme-unpriced", { provider: null, input: 1, output: 1, cacheRead: null, cacheWrite: null }],
    ]);
    const changed = await sql.transaction((tx) => recomputeCosts(tx, "default", buildPriceBook(), buildPriceBook(override), new Set(override.keys())));
    expect(changed).toBeGreaterThan(0);
    expectSameRollups(await storedRows(sql), await rebuiltRows(sql));
    await expectSummariesOfStoredSpans(sql);
  });

  it("summarise a new trace from the copy that was stored when its batch carries a span twice", async () => {
    const [root, ...rest] = traceSpans(1000);
    const impostor = { ...root!, name: "second copy, never stored" };
    await storeBatch(sql, { projectId: "default", spans: [root!, ...rest, impostor], resources: [], logs: [] });
    const [row] = await sql.query<{ name: string; spanCount: bigint }>(`SELECT "name", "spanCount" FROM "traces" WHERE "traceId" = ?`, [root!.traceId]);
    expect(row).toEqual({ name: root!.name, spanCount: BigInt(rest.length + 1) });
    await expectSummariesOfStoredSpans(sql);
    expectSameRollups(await storedRows(sql), await rebuiltRows(sql));
  });
});

// The SQLite writer thread keeps histogram rows between transactions (rollup-cache.ts). Its rows must
// never be staler than the database: another connection may commit in between, and a transaction may
// roll back after merging into them.
describe("maintained rollups with the writer's row cache", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-rollup-cache-"));
  const file = path.join(dir, "test.db");
  const writer = openSqlite(file, "NORMAL");
  const other = openSqlite(file, "NORMAL"); // the request thread's connection
  const rollupCache = new RollupRowCache();
  const storeAll = async (spans: SpanRecord[], sql: Sql = writer) => {
    for (let i = 0; i < spans.length; i += 7)
      await storeBatch(sql, { projectId: "default", spans: spans.slice(i, i + 7), resources: [], logs: [] }, { rollupCache });
  };

  beforeAll(() => applyMigrations(writer));
  afterAll(async () => {
    await other.close();
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stay equal to rollups rebuilt from the spans when another connection recomputes costs between batches", async () => {
    const spans = Array.from({ length: 40 }, (_, t) => traceSpans(2000 + t))
      .flat()
      .sort(() => random() - 0.5);
    await storeAll(spans.slice(0, 100));
    expect(rollupCache.size).toBeGreaterThan(0);
    const override = new Map([["gpt-4o", { provider: "openai", input: 9, output: 27, cacheRead: null, cacheWrite: null }]]);
    expect(
      await other.transaction((tx) => recomputeCosts(tx, "default", buildPriceBook(), buildPriceBook(override), new Set(override.keys()))),
    ).toBeGreaterThan(0);
    await storeAll(spans.slice(100)); // the same minutes, hours and days: cached rows the recompute rewrote
    expectSameRollups(await storedRows(writer), await rebuiltRows(writer));
  });

  it("forget rows merged by a transaction that rolled back", async () => {
    const spans = Array.from({ length: 20 }, (_, t) => traceSpans(3000 + t)).flat();
    await storeAll(spans.slice(0, 30));
    // Fails after the rollups were merged (as a failing COMMIT would): nothing of it is stored.
    const failing: Sql = { ...writer, transaction: (fn) => writer.transaction(async (tx) => (await fn(tx), Promise.reject(new Error("disk I/O error")))) };
    await expect(storeAll(spans.slice(30, 40), failing)).rejects.toThrow("disk I/O error");
    expect(rollupCache.size).toBe(0);
    await storeAll(spans.slice(30));
    expectSameRollups(await storedRows(writer), await rebuiltRows(writer));
  });
});
