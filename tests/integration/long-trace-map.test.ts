// The pipeline map kept per commit (a trace's kept map state, not its whole span list) equals the map of the
// same traces stored in one request, on both databases. Two plantings of the same runs (our SDK with a real
// MCP server and client): one sent whole, the other one span per request, children before their parents
// (agents after their calls, the hand-off's agent after the hand-off), a third of them sent twice. Node and
// edge figures and the trace list's map facets must match exactly.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphAnswer } from "@/lib/data/graph/pipeline-graph";
import { otlpJson, runPlantedPipeline, type PlantedPipeline, type PlantedRun } from "./pipeline/planted-pipeline";
import { authHeaders, forEachDatabase, listTraces, postOtlp, type TestServer } from "./support";

const HOUR = 3_600_000;
const DAY = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000 + 9 * HOUR; // two days ago, 09:00 UTC
const RUNS: PlantedRun[] = [
  { startMs: DAY, llmMs: [100, 400], approvalMs: 60_000, refundFails: false, model2: "gpt-4o" },
  { startMs: DAY + 60_000, llmMs: [200, 300], approvalMs: 30_000, refundFails: true, model2: "gpt-4.1" },
];
const RANGE = { from: new Date(DAY - HOUR).toISOString(), to: new Date(DAY + HOUR).toISOString() };
const JSON_BODY = { "content-type": "application/json" };

let whole!: PlantedPipeline;
let piecewise!: PlantedPipeline;
let [wholeId, pieceId] = ["", ""];
beforeAll(async () => {
  [wholeId, pieceId] = [randomUUID().slice(0, 8), randomUUID().slice(0, 8)];
  whole = await runPlantedPipeline(wholeId, RUNS);
  piecewise = await runPlantedPipeline(pieceId, RUNS);
}, 60_000);

async function graph(server: TestServer, task: string): Promise<GraphAnswer> {
  const response = await fetch(`${server.baseUrl}/api/v1/graph?${new URLSearchParams({ ...RANGE, task })}`, { headers: authHeaders(server) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as GraphAnswer;
}

/** The map with the planting's id taken out of names, so both plantings compare. */
const normalised = (answer: GraphAnswer, id: string) =>
  JSON.parse(JSON.stringify({ nodes: answer.nodes, edges: answer.edges }).replaceAll(id, "ID")) as unknown;

forEachDatabase((server) => {
  describe("pipeline map kept per commit", () => {
    beforeAll(async () => {
      expect((await postOtlp(server, otlpJson(whole.spans), JSON_BODY)).status).toBe(200);
      // The roots first (they name the traces), then every span alone in the order they ended, a third twice.
      const isRoot = (s: PlantedPipeline["spans"][number]) => s.name === piecewise.task;
      const order = [...piecewise.spans.filter(isRoot), ...piecewise.spans.filter((s) => !isRoot(s))];
      for (const [i, span] of order.entries()) {
        const batch = i % 3 === 2 ? [span, order[i - 1]!] : [span];
        expect((await postOtlp(server, otlpJson(batch), JSON_BODY)).status).toBe(200);
      }
    }, 60_000);

    it("counts the same nodes and edges as the traces stored whole", async () => {
      const [a, b] = [await graph(server, whole.task), await graph(server, piecewise.task)];
      expect(a.nodes.length).toBeGreaterThan(5);
      expect(a.edges.some((e) => e.type === "handoff")).toBe(true);
      expect(normalised(b, pieceId)).toEqual(normalised(a, wholeId));
    });

    it("lists the traces under the same map facets", async () => {
      const { nodes, edges } = await graph(server, whole.task);
      const under = async (filter: Record<string, string>) => (await listTraces(server, { ...RANGE, ...filter })).data.length;
      for (const e of edges) {
        const piece = e.id.replaceAll(wholeId, pieceId);
        expect([e.id, await under({ graphEdge: piece, name: piecewise.task })]).toEqual([e.id, await under({ graphEdge: e.id, name: whole.task })]);
      }
      for (const n of nodes) {
        const piece = n.id.replaceAll(wholeId, pieceId);
        expect([n.id, await under({ graphNode: piece, name: piecewise.task })]).toEqual([n.id, await under({ graphNode: n.id, name: whole.task })]);
      }
    });
  });
});
