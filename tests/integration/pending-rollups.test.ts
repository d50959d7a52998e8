// Rollups while ingest is busy, on both databases: commits within a second of the last fold leave their
// deltas in rollup_pending instead of rewriting the rows, and every read of the rollups (the pipeline map,
// the metrics API) folds them first, so it counts every stored call the moment ingest has answered.
// Spans come from our SDK.
import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphAnswer } from "@/lib/data/graph/pipeline-graph";
import { registerHindsight, traceAgent, traceTool } from "../../instrumentation/index";
import { projectIdOf, withDatabase } from "../support/seed-users";
import { otlpJson } from "./pipeline/planted-pipeline";
import { authHeaders, forEachDatabase, postOtlp, type TestServer } from "./support";

const TAG = randomUUID().slice(0, 8);
type Names = { task: string; agent: string; tool: string };
const MAP_NAMES: Names = { task: `pending_${TAG}`, agent: `clerk_${TAG}`, tool: `ledger_${TAG}` };
const METRICS_NAMES: Names = { task: `metered_${TAG}`, agent: `teller_${TAG}`, tool: `till_${TAG}` };
const RUNS = 8;
const EDGE = `agent:${MAP_NAMES.agent}->tool:${MAP_NAMES.tool}`;

/** One trace per run, each the agent calling the tool once (the last one failing). */
async function record(NAMES: Names): Promise<ReadableSpan[][]> {
  const memory = new InMemorySpanExporter();
  const handle = registerHindsight({ serviceName: "pending-test", spanProcessors: [new SimpleSpanProcessor(memory)] });
  try {
    const runs: ReadableSpan[][] = [];
    for (let i = 0; i < RUNS; i++) {
      memory.reset();
      await trace.getTracer("pending-test").startActiveSpan(NAMES.task, async (root) => {
        await traceAgent(NAMES.agent, {}, () =>
          traceTool(NAMES.tool, { entry: i }, () => {
            if (i === RUNS - 1) throw new Error("ledger closed");
            return "booked";
          }).catch(() => "failed"),
        );
        root.end();
      });
      await handle.forceFlush();
      runs.push(memory.getFinishedSpans());
    }
    return runs;
  } finally {
    await handle.shutdown();
  }
}

let mapRuns!: ReadableSpan[][];
let metricsRuns!: ReadableSpan[][];
beforeAll(async () => {
  mapRuns = await record(MAP_NAMES);
  metricsRuns = await record(METRICS_NAMES);
});

const pendingRows = (server: TestServer, projectId: string) =>
  withDatabase(server.databaseUrl, async (sql) => {
    const [row] = await sql.query<{ n: unknown }>(`SELECT count(*) AS "n" FROM "rollup_pending" WHERE "projectId" = ?`, [projectId]);
    return Number(row?.n);
  });

async function get<T>(server: TestServer, path: string, params: Record<string, string>): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

/** One request per trace, back to back: all but the first commit come within a second of a fold. */
async function send(server: TestServer, runs: ReadableSpan[][]): Promise<void> {
  for (const spans of runs) expect((await postOtlp(server, otlpJson(spans), { "content-type": "application/json" })).status).toBe(200);
}

const lastHour = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
type Points = { data: ({ group: string } & Partial<Record<"count" | "traces", number>>)[] };
/** What the answer counts for `group` over its buckets: calls (latency) or traces (cost). */
const countOf = (answer: Points, group: string, field: "count" | "traces") =>
  answer.data.filter((p) => p.group === group).reduce((sum, p) => sum + (p[field] ?? 0), 0);

forEachDatabase((server) => {
  describe("rollups left pending by busy ingest", () => {
    it("are folded in before the map is read", async () => {
      const projectId = await projectIdOf(server, "default");
      await send(server, mapRuns);
      expect(await pendingRows(server, projectId)).toBeGreaterThan(0);

      const range = lastHour();
      for (const params of [{ ...range, task: MAP_NAMES.task }, range]) {
        const map = await get<GraphAnswer>(server, "/api/v1/graph", params);
        const edge = map.edges.find((e) => e.id === EDGE);
        expect(edge, JSON.stringify(map.edges.map((e) => e.id))).toMatchObject({ count: RUNS, errors: 1 });
      }
      expect(await pendingRows(server, projectId)).toBe(0);
    });

    it("are folded in before the metrics API answers", async () => {
      const projectId = await projectIdOf(server, "default");
      await send(server, metricsRuns);
      expect(await pendingRows(server, projectId)).toBeGreaterThan(0);

      const range = { ...lastHour(), bucket: "1h" };
      const latency = await get<Points>(server, "/api/v1/metrics/latency", { ...range, groupBy: "tool" });
      expect(countOf(latency, METRICS_NAMES.tool, "count")).toBe(RUNS);
      expect(await pendingRows(server, projectId)).toBe(0);
      const cost = await get<Points>(server, "/api/v1/metrics/cost", { ...range, groupBy: "task", top: "all" });
      expect(countOf(cost, METRICS_NAMES.task, "traces")).toBe(RUNS);
    });
  });
});
