// The pipeline map's rollups while ingest is busy, on both databases: commits within a second of the last
// fold leave the map's deltas in rollup_pending instead of rewriting its rows, and a map read folds them
// first, so the map counts every stored call the moment ingest has answered. Spans come from our SDK.
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
const NAMES = { task: `pending_${TAG}`, agent: `clerk_${TAG}`, tool: `ledger_${TAG}` };
const RUNS = 8;
const EDGE = `agent:${NAMES.agent}->tool:${NAMES.tool}`;

/** One trace per run, each the agent calling the tool once (the last one failing). */
let runs!: ReadableSpan[][];
beforeAll(async () => {
  const memory = new InMemorySpanExporter();
  const handle = registerHindsight({ serviceName: "pending-test", spanProcessors: [new SimpleSpanProcessor(memory)] });
  try {
    runs = [];
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
  } finally {
    await handle.shutdown();
  }
});

const pendingRows = (server: TestServer, projectId: string) =>
  withDatabase(server.databaseUrl, async (sql) => {
    const [row] = await sql.query<{ n: unknown }>(`SELECT count(*) AS "n" FROM "rollup_pending" WHERE "projectId" = ?`, [projectId]);
    return Number(row?.n);
  });

async function graph(server: TestServer, params: Record<string, string>): Promise<GraphAnswer> {
  const response = await fetch(`${server.baseUrl}/api/v1/graph?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as GraphAnswer;
}

forEachDatabase((server) => {
  describe("map rollups left pending by busy ingest", () => {
    it("are folded in before the map is read", async () => {
      const projectId = await projectIdOf(server, "default");
      // One request per trace, back to back: all but the first commit come within a second of a fold.
      for (const spans of runs) expect((await postOtlp(server, otlpJson(spans), { "content-type": "application/json" })).status).toBe(200);
      expect(await pendingRows(server, projectId)).toBeGreaterThan(0);

      const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
      for (const params of [{ ...range, task: NAMES.task }, range]) {
        const map = await graph(server, params);
        const edge = map.edges.find((e) => e.id === EDGE);
        expect(edge, JSON.stringify(map.edges.map((e) => e.id))).toMatchObject({ count: RUNS, errors: 1 });
      }
      expect(await pendingRows(server, projectId)).toBe(0);
    });
  });
});
