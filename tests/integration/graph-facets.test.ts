// The trace list's pipeline-map filters (graphNode, graphEdge) follow a trace's map as late spans change it,
// on both databases: a tool traced by our SDK names its planner agent; its parent, the executor agent's run,
// arrives in a later request. Before it, the trace is listed under the planner → tool edge; after it, under
// the executor → tool edge only.
import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { beforeAll, describe, expect, it } from "vitest";
import { registerHindsight, traceAgent, traceTool } from "../../instrumentation/index";
import { otlpJson } from "./pipeline/planted-pipeline";
import { forEachDatabase, listTraces, postOtlp } from "./support";

const TAG = randomUUID().slice(0, 8);
const NAMES = { task: `facets_${TAG}`, planner: `planner_${TAG}`, executor: `executor_${TAG}`, tool: `search_${TAG}` };
const EDGES = { planner: `agent:${NAMES.planner}->tool:${NAMES.tool}`, executor: `agent:${NAMES.executor}->tool:${NAMES.tool}` };

let spans!: ReadableSpan[];
beforeAll(async () => {
  const memory = new InMemorySpanExporter();
  const handle = registerHindsight({ serviceName: "facets-test", spanProcessors: [new SimpleSpanProcessor(memory)] });
  try {
    await trace.getTracer("facets-test").startActiveSpan(NAMES.task, async (root) => {
      await traceAgent(NAMES.executor, {}, () =>
        traceTool(NAMES.tool, { query: "late spans" }, () => "found", { attributes: { "gen_ai.agent.name": NAMES.planner } }),
      );
      root.end();
    });
    await handle.forceFlush();
    spans = memory.getFinishedSpans();
  } finally {
    await handle.shutdown();
  }
});

forEachDatabase((server) => {
  describe("graph facets after a late span", () => {
    const tracesUnder = async (filter: Record<string, string>) =>
      (await listTraces(server, { from: new Date(Date.now() - 3_600_000).toISOString(), ...filter })).data.map((t) => t.name);
    const isAgent = (s: ReadableSpan) => s.attributes["gen_ai.operation.name"] === "invoke_agent";

    it("moves the trace from the edge it lost to the edge it gained", async () => {
      expect(spans.filter(isAgent)).toHaveLength(1);
      const first = await postOtlp(server, otlpJson(spans.filter((s) => !isAgent(s))), { "content-type": "application/json" });
      expect(first.status).toBe(200);
      expect(await tracesUnder({ graphEdge: EDGES.planner })).toEqual([NAMES.task]);
      expect(await tracesUnder({ graphEdge: EDGES.executor })).toEqual([]);

      const late = await postOtlp(server, otlpJson(spans.filter(isAgent)), { "content-type": "application/json" });
      expect(late.status).toBe(200);
      expect(await tracesUnder({ graphEdge: EDGES.executor })).toEqual([NAMES.task]);
      expect(await tracesUnder({ graphNode: `agent:${NAMES.executor}` })).toEqual([NAMES.task]);
      expect(await tracesUnder({ graphEdge: EDGES.planner })).toEqual([]);
      // The tool node itself stayed.
      expect(await tracesUnder({ graphNode: `tool:${NAMES.tool}` })).toEqual([NAMES.task]);
    });
  });
});
