// Traces for the data lifecycle tests: agent runs at absolute times with varied names, agents, users,
// sessions, models, tools, durations and errors, so every rollup dimension is exercised; helpers to
// send them (and a log record per trace) to a project, read every metric a project answers, and count
// what the database still holds of given traces.
import { randomInt } from "node:crypto";
import { expect } from "vitest";
import type { CostPoint, LatencyPoint } from "@/lib/analytics/series";
import { TRACE_ATTACHED_TABLES } from "@/lib/data/lifecycle/attached-tables";
import { withDatabase } from "../../support/seed-users";
import type { TestServer } from "./index";
import { HOUR, iso, spanAt } from "./metrics-seed";
import { attrs, hex, type JsonSpan } from "./otlp-json";

const json = { "content-type": "application/json" };
const pick = <T>(values: readonly T[]) => values[randomInt(values.length)]!;

export type SeededTrace = { traceId: string; userId: string; spans: JsonSpan[]; logSpanId: string };

/** One agent run starting at `startMs`: agent root → chat calls → tool calls, some failing. */
export function agentTrace(startMs: number, userId: string, extraSpans = 0): SeededTrace {
  const traceId = hex(16);
  const root = hex(8);
  const agent = pick(["planner", "researcher", "writer"]);
  const duration = 200 + randomInt(5000);
  const spans: JsonSpan[] = [
    spanAt(traceId, root, "", `invoke_agent ${agent}`, startMs, duration, {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": agent,
      "user.id": userId,
      "session.id": `session-${userId}-${randomInt(3)}`,
    }),
  ];
  const calls = 1 + randomInt(3) + extraSpans;
  for (let i = 0; i < calls; i++) {
    const model = pick(["gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022"]);
    spans.push(
      spanAt(traceId, hex(8), root, `chat ${model}`, startMs + 5 + i, 10 + randomInt(duration - 10), {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": model.startsWith("claude") ? "anthropic" : "openai",
        "gen_ai.request.model": model,
        "gen_ai.usage.input_tokens": 100 + randomInt(5000),
        "gen_ai.usage.output_tokens": 10 + randomInt(500),
      }),
    );
  }
  const tool = spanAt(traceId, hex(8), root, "execute_tool", startMs + 7, 1 + randomInt(duration - 8), {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": pick(["search", "lookup_order", "issue_refund"]),
  });
  if (randomInt(4) === 0) tool.status = { code: 2, message: "tool failed" };
  spans.push(tool);
  return { traceId, userId, spans, logSpanId: root };
}

/** Traces spread over three hours from `baseMs`, for the given users. */
export function tracesOver(baseMs: number, users: readonly string[], count: number): SeededTrace[] {
  return Array.from({ length: count }, () => agentTrace(baseMs + randomInt(3 * HOUR), pick(users)));
}

const logsOf = (traces: readonly SeededTrace[]) => ({
  resourceLogs: [
    {
      resource: {},
      scopeLogs: [
        {
          logRecords: traces.map((t) => ({
            timeUnixNano: String(BigInt(t.spans[0]!.startTimeUnixNano as string) + 1000n),
            traceId: t.traceId,
            spanId: t.logSpanId,
            attributes: attrs({ "event.name": "gen_ai.user.message" }),
            body: { kvlistValue: { values: [{ key: "content", value: { stringValue: `private words of ${t.userId}` } }] } },
          })),
        },
      ],
    },
  ],
});

/** Sends the traces (OTLP/JSON, a few hundred spans per request) and one log record each. */
export async function sendTraces(server: TestServer, key: string, traces: readonly SeededTrace[]): Promise<void> {
  const headers = { authorization: `Bearer ${key}`, ...json };
  const spans = traces.flatMap((t) => t.spans);
  for (let i = 0; i < spans.length; i += 300) {
    const body = {
      resourceSpans: [
        { resource: { attributes: attrs({ "service.name": "lifecycle-test" }) }, scopeSpans: [{ scope: { name: "test" }, spans: spans.slice(i, i + 300) }] },
      ],
    };
    const response = await fetch(`${server.baseUrl}/v1/traces`, { method: "POST", headers, body: JSON.stringify(body) });
    expect(response.status, await response.text()).toBe(200);
  }
  for (let i = 0; i < traces.length; i += 200) {
    const response = await fetch(`${server.baseUrl}/v1/logs`, { method: "POST", headers, body: JSON.stringify(logsOf(traces.slice(i, i + 200))) });
    expect(response.status, await response.text()).toBe(200);
  }
}

export type AllMetrics = Record<string, (LatencyPoint | CostPoint)[]>;

/** Every latency and cost series of [fromMs, toMs) at every bucket the API offers, keyed by endpoint, groupBy and bucket. */
export async function allMetrics(server: TestServer, key: string, fromMs: number, toMs: number): Promise<AllMetrics> {
  const out: AllMetrics = {};
  const series = [
    ...["name", "agent", "tool", "model", "kind"].flatMap((groupBy) => ["1m", "5m", "1h", "1d"].map((bucket) => ["latency", groupBy, bucket] as const)),
    ...["task", "agent", "model", "user", "session"].flatMap((groupBy) => ["1h", "1d"].map((bucket) => ["cost", groupBy, bucket] as const)),
  ];
  for (const [endpoint, groupBy, bucket] of series) {
    const query = new URLSearchParams({ from: iso(fromMs), to: iso(toMs), groupBy, bucket });
    const response = await fetch(`${server.baseUrl}/api/v1/metrics/${endpoint}?${query}`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    out[`${endpoint} ${groupBy} ${bucket}`] = ((await response.json()) as { data: (LatencyPoint | CostPoint)[] }).data;
  }
  return out;
}

const LATENCY_FIELDS = ["p50Ms", "p95Ms", "p99Ms", "maxMs"] as const;

/**
 * Asserts two projects' metrics are the same: counts, costs and tokens exactly (costs to 1e-9 USD),
 * latency percentiles and maxima within the documented 1 % (a deletion that removes a bucket's
 * largest item leaves its maximum at the histogram's estimate, as a late span moving a trace does).
 */
export function expectSameMetrics(actual: AllMetrics, expected: AllMetrics): void {
  for (const [series, points] of Object.entries(expected)) {
    const got = actual[series]!;
    expect(
      got.map((p) => `${p.bucketStart} ${p.group}`),
      series,
    ).toEqual(points.map((p) => `${p.bucketStart} ${p.group}`));
    got.forEach((point, i) => {
      const want = points[i]! as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(point as unknown as Record<string, unknown>)) {
        const label = `${series} ${point.bucketStart} ${point.group} ${field}`;
        if ((LATENCY_FIELDS as readonly string[]).includes(field))
          expect(Math.abs((value as number) - (want[field] as number)), label).toBeLessThanOrEqual((want[field] as number) * 0.01 + 0.002);
        else if (typeof value === "number" && !Number.isInteger(value)) expect(value, label).toBeCloseTo(want[field] as number, 9);
        else expect(value, label).toEqual(want[field]);
      }
    });
  }
}

/** Rows the database still holds of these traces, per table (summary row, facets and every attached table). */
export async function storedRows(server: TestServer, traceIds: readonly string[]): Promise<Record<string, number>> {
  return withDatabase(server.databaseUrl, async (sql) => {
    const counts: Record<string, number> = {};
    const list = sql.dialect === "postgres" ? `(SELECT json_array_elements_text(?::json))` : `(SELECT value FROM json_each(?))`;
    for (const table of ["traces", "trace_facets", ...TRACE_ATTACHED_TABLES]) {
      const [row] = await sql.query(`SELECT COUNT(*) AS n FROM "${table}" WHERE "traceId" IN ${list}`, [JSON.stringify(traceIds)]);
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  });
}

type GraphFiguresOf = { id: string; calls?: number; count?: number; errors: number; p95Ms: number | null; costUsd: number };
export type GraphSnapshot = { nodes: GraphFiguresOf[]; edges: GraphFiguresOf[] };

/** The pipeline map of the range (GET /api/v1/graph). */
export async function pipelineGraph(server: TestServer, key: string, fromMs: number, toMs: number): Promise<GraphSnapshot> {
  const response = await fetch(`${server.baseUrl}/api/v1/graph?${new URLSearchParams({ from: iso(fromMs), to: iso(toMs) })}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as GraphSnapshot;
}

/** Two maps are the same: the same nodes and edges, counts and costs exact, p95 within the sketch's 1 %. */
export function expectSameGraph(actual: GraphSnapshot, expected: GraphSnapshot): void {
  for (const part of ["nodes", "edges"] as const) {
    const got = [...actual[part]].sort((a, b) => a.id.localeCompare(b.id));
    const want = [...expected[part]].sort((a, b) => a.id.localeCompare(b.id));
    expect(
      got.map((x) => x.id),
      part,
    ).toEqual(want.map((x) => x.id));
    got.forEach((x, i) => {
      const w = want[i]!;
      expect([x.calls, x.count, x.errors], `${part} ${x.id}`).toEqual([w.calls, w.count, w.errors]);
      expect(x.costUsd, `${part} ${x.id} cost`).toBeCloseTo(w.costUsd, 9);
      if (w.p95Ms !== null) expect(Math.abs((x.p95Ms ?? 0) - w.p95Ms), `${part} ${x.id} p95`).toBeLessThanOrEqual(w.p95Ms * 0.01 + 0.002);
    });
  }
}
