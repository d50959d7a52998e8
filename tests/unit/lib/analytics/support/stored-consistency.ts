// What every stored trace summary, facet and rollup row must equal, recomputed from scratch over the
// stored spans of one project: the summaries with summariseTrace, the rollups independently of
// RollupDeltas (a bug there must not hide in the expectation). Works on SQLite and PostgreSQL.
import { resolveSpans } from "@/lib/analytics/graph/graph-change";
import { allTasksGroup, graphContributions } from "@/lib/analytics/graph/graph-contributions";
import { expect } from "vitest";
import { GRANULARITY_MS } from "@/lib/analytics/buckets";
import { spanContributions, traceContributions, type Contribution } from "@/lib/analytics/contributions";
import { DIMENSIONS } from "@/lib/analytics/dimensions";
import { rollupId, type RollupRow } from "@/lib/analytics/rollup-delta";
import { foldPending } from "@/lib/data/analytics/rollup-writer";
import { addValue, decodeBins } from "@/lib/analytics/sketch";
import type { SpanRecord } from "@/lib/ingest/span-record";
import type { Sql } from "@/lib/db/sql";
import { summariseTrace } from "@/lib/trace/summarise";

const TABLES = [
  "spans",
  "traces",
  "trace_facets",
  "metric_rollups",
  "rollup_pending",
  "trace_covered_spans",
  "trace_frontier",
  "trace_map_states",
  "trace_map_spans",
];

/** Removes everything ingest wrote for the project. */
export async function clearProject(sql: Sql, projectId: string): Promise<void> {
  for (const table of TABLES) await sql.run(`DELETE FROM "${table}" WHERE "projectId" = ?`, [projectId]);
}

const big = (v: unknown) => BigInt(v as bigint);
const numOrNull = (v: unknown) => (v === null ? null : Number(v));

/** The project's stored spans by trace. */
export async function spansByTrace(sql: Sql, projectId: string): Promise<Map<string, SpanRecord[]>> {
  const rows = await sql.query<Record<string, unknown>>(`SELECT * FROM "spans" WHERE "projectId" = ?`, [projectId]);
  const byTrace = new Map<string, SpanRecord[]>();
  for (const r of rows) {
    const span = {
      ...r,
      startNs: big(r.startNs),
      endNs: big(r.endNs),
      durationMs: Number(r.durationMs),
      spanKind: Number(r.spanKind),
    } as unknown as SpanRecord;
    for (const key of ["inputTokens", "outputTokens", "costUsd"] as const) (span as Record<string, unknown>)[key] = numOrNull(r[key]);
    const list = byTrace.get(span.traceId) ?? [];
    list.push(span);
    byTrace.set(span.traceId, list);
  }
  return byTrace;
}

/** The project's rollup rows, after folding in the deltas ingest left pending (as a map read does). */
export async function storedRows(sql: Sql, projectId: string): Promise<Map<string, RollupRow>> {
  await foldPending(sql, projectId);
  const rows = await sql.query(`SELECT * FROM "metric_rollups" WHERE "projectId" = ? AND "count" > 0`, [projectId]);
  return new Map(
    rows.map((r) => {
      const row = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as Record<string, unknown>;
      const { groupKey, projectId: _project, ...rest } = row;
      const rollup = { ...rest, group: groupKey, bins: decodeBins(row.bins as string) } as unknown as RollupRow;
      return [rollupId(rollup), rollup];
    }),
  );
}

type Expected = Omit<RollupRow, "p50Ms" | "p95Ms" | "p99Ms"> & { values: number[] };

/** Every contribution of every stored span and trace, at every granularity of its dimension. */
export async function rebuiltRows(sql: Sql, projectId: string): Promise<Map<string, Expected>> {
  const contributions: Contribution[] = [];
  for (const [traceId, spans] of await spansByTrace(sql, projectId)) {
    for (const span of spans) contributions.push(...spanContributions(span));
    const summary = summariseTrace(traceId, spans);
    contributions.push(...traceContributions(summary));
    for (const c of graphContributions(summary.name, resolveSpans(spans))) {
      contributions.push(c);
      // The every-task rows sum the per-task ones (RollupDeltas derives them).
      if (c.dimension === "graph.edge") contributions.push({ ...c, dimension: "graph.edge_all", group: allTasksGroup(c.group)! });
    }
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

export function expectSameRollups(actual: Map<string, RollupRow>, expected: Map<string, Expected>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, { values, ...e }] of expected) {
    const { p50Ms, p95Ms, p99Ms, ...a } = actual.get(id)!;
    expect({ ...a, costUsd: 0, durationSumMs: 0, maxMs: 0 }, id).toEqual({ ...e, costUsd: 0, durationSumMs: 0, maxMs: 0 });
    expect(a.costUsd).toBeCloseTo(e.costUsd, 9);
    expect(a.durationSumMs).toBeCloseTo(e.durationSumMs, 6);
    if (!DIMENSIONS[e.dimension].histogram) {
      // Without a histogram the maximum cannot fall back when a trace moves away (a late span moved its
      // start): an upper bound, which nothing reads (these dimensions serve the cost API only).
      expect(a.maxMs, `${id} max`).toBeGreaterThanOrEqual(e.maxMs);
      expect([p50Ms, p95Ms, p99Ms], id).toEqual([0, 0, 0]);
      continue;
    }
    within1Pct(a.maxMs, e.maxMs, `${id} max`);
    for (const [q, stored] of [
      [0.5, p50Ms],
      [0.95, p95Ms],
      [0.99, p99Ms],
    ] as const)
      within1Pct(stored, nearestRank(values, q), `${id} p${q * 100}`);
  }
}

/** The project's rollups equal those rebuilt from its stored spans. */
export const expectRollupsOfStoredSpans = async (sql: Sql, projectId: string) =>
  expectSameRollups(await storedRows(sql, projectId), await rebuiltRows(sql, projectId));

/**
 * Every stored summary row (all its columns) and the facets equal summariseTrace over the trace's
 * stored spans, exactly (costs included). Returns the number of traces.
 */
export async function expectSummariesOfStoredSpans(sql: Sql, projectId: string): Promise<number> {
  const byTrace = await spansByTrace(sql, projectId);
  const stored = await sql.query<Record<string, unknown>>(`SELECT * FROM "traces" WHERE "projectId" = ?`, [projectId]);
  expect(stored.length).toBe(byTrace.size);
  const expectedFacets: string[] = [];
  for (const row of stored) {
    const traceId = String(row.traceId);
    const s = summariseTrace(traceId, byTrace.get(traceId)!);
    expect(
      {
        traceId,
        name: row.name,
        serviceName: row.serviceName,
        rootSpanId: row.rootSpanId,
        startNs: big(row.startNs),
        endNs: big(row.endNs),
        durationMs: Number(row.durationMs),
        status: row.status,
        spanCount: Number(row.spanCount),
        errorCount: Number(row.errorCount),
        llmCallCount: Number(row.llmCallCount),
        toolCallCount: Number(row.toolCallCount),
        inputTokens: Number(row.inputTokens),
        outputTokens: Number(row.outputTokens),
        totalTokens: Number(row.totalTokens),
        costUsd: numOrNull(row.costUsd),
        hasUnpriced: Boolean(Number(row.hasUnpriced)),
        sessionId: row.sessionId,
        userId: row.userId,
        agentName: row.agentName,
        models: JSON.parse(String(row.models)) as string[],
      },
      traceId,
    ).toEqual({ ...s, tools: undefined, agents: undefined, modelUsage: undefined });
    for (const [facet, values] of [
      ["model", s.models],
      ["tool", s.tools],
      ["agent", s.agents],
    ] as const)
      for (const value of values) expectedFacets.push(`${facet}/${value}/${traceId}`);
  }
  const facets = await sql.query<Record<string, unknown>>(
    `SELECT "facet", "value", "traceId" FROM "trace_facets" WHERE "projectId" = ? AND "facet" NOT LIKE 'graph.%'`,
    [projectId],
  );
  expect(facets.map((f) => `${String(f.facet)}/${String(f.value)}/${String(f.traceId)}`).sort()).toEqual(expectedFacets.sort());
  return stored.length;
}
