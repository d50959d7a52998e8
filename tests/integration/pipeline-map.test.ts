// The pipeline map (GET /api/v1/graph) on both databases, from a planted two-agent pipeline traced by our
// SDK with a real MCP server and client (tests/integration/pipeline/planted-pipeline.ts), and from the
// Vercel AI SDK's own spans. Spans are sent children first, agents last, so the rollups must recount
// traces whose agents arrive after their calls. Exact node and edge figures per run.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphAnswer } from "@/lib/data/graph/pipeline-graph";
import { runEmitter } from "./emitters/run-emitter";
import { otlpJson, runPlantedPipeline, type PlantedPipeline, type PlantedRun } from "./pipeline/planted-pipeline";
import { authHeaders, forEachDatabase, getTrace, listTraces, postOtlp, type TestServer } from "./support";

const HOUR = 3_600_000;
const DAY1 = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3 * 86_400_000 + 10 * HOUR; // three days ago, 10:00 UTC
const DAY2 = DAY1 + 86_400_000;
const RUNS: PlantedRun[] = [
  { startMs: DAY1, llmMs: [100, 400], approvalMs: 60_000, refundFails: false, model2: "gpt-4o" },
  { startMs: DAY1 + 60_000, llmMs: [200, 400], approvalMs: 30_000, refundFails: true, model2: "gpt-4o", decision: "rejected" },
  { startMs: DAY1 + 120_000, llmMs: [300, 400], approvalMs: 90_000, refundFails: false, model2: "gpt-4o" },
  // The next day refunds moved to gpt-4.1 and the approvals got slower.
  { startMs: DAY2, llmMs: [100, 500], approvalMs: 240_000, refundFails: false, model2: "gpt-4.1" },
];
const iso = (ms: number) => new Date(ms).toISOString();
const near = (actual: number | null, expected: number) => expect(Math.abs(actual! - expected) / expected).toBeLessThan(0.01);

let planted!: PlantedPipeline;
beforeAll(async () => {
  planted = await runPlantedPipeline(randomUUID().slice(0, 8), RUNS);
}, 60_000);

async function graph(server: TestServer, params: Record<string, string>): Promise<GraphAnswer> {
  const response = await fetch(`${server.baseUrl}/api/v1/graph?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as GraphAnswer;
}

forEachDatabase((server) => {
  describe("pipeline map", () => {
    const day1 = () => ({ from: iso(DAY1 - HOUR), to: iso(DAY1 + HOUR), task: planted.task });
    const ids = () => {
      const { triage, refunds, server: mcp } = planted;
      return { triage: `agent:${triage}`, refunds: `agent:${refunds}`, mcp: `mcp_server:${mcp}`, lookup: `mcp_server:${mcp}/tool:lookup_order` };
    };
    let costs!: Map<string, number>;

    beforeAll(async () => {
      // Agents last: their calls arrive first and wait for them.
      const isAgent = (s: { attributes: Record<string, unknown> }) => s.attributes["gen_ai.operation.name"] === "invoke_agent";
      for (const part of [planted.spans.filter((s) => !isAgent(s)), planted.spans.filter(isAgent)]) {
        const response = await postOtlp(server, otlpJson(part), { "content-type": "application/json" });
        expect(response.status).toBe(200);
      }
      // Cost per model on day 1, read back from the stored spans (the price table decides it).
      costs = new Map();
      const traces = await listTraces(server, { name: planted.task, from: iso(DAY1 - HOUR), to: iso(DAY1 + HOUR) });
      expect(traces.data).toHaveLength(3);
      for (const { traceId } of traces.data) {
        for (const span of (await getTrace(server, traceId)).spans)
          if (span.kind === "llm") costs.set(span.model!, (costs.get(span.model!) ?? 0) + (span.costUsd ?? 0));
      }
    });

    it("counts every node and edge of the planted runs exactly", async () => {
      const { nodes, edges } = await graph(server, day1());
      const { triage, refunds, mcp, lookup } = ids();
      const fig = ({ calls, errors, costUsd }: { calls: number; errors: number; costUsd: number }) => ({ calls, errors, costUsd });
      expect(Object.fromEntries(nodes.map((n) => [n.id, { type: n.type, ...fig(n) }]))).toEqual({
        [triage]: { type: "agent", calls: 3, errors: 0, costUsd: 0 },
        [refunds]: { type: "agent", calls: 3, errors: 0, costUsd: 0 },
        "model:gpt-4o-mini": { type: "model", calls: 3, errors: 0, costUsd: expect.closeTo(costs.get("gpt-4o-mini")!, 9) },
        "model:gpt-4o": { type: "model", calls: 3, errors: 0, costUsd: expect.closeTo(costs.get("gpt-4o")!, 9) },
        [mcp]: { type: "mcp_server", calls: 3, errors: 0, costUsd: 0 },
        [lookup]: { type: "tool", calls: 3, errors: 0, costUsd: 0 },
        "approval:issue_refund": { type: "approval", calls: 3, errors: 0, costUsd: 0 },
        "tool:issue_refund": { type: "tool", calls: 3, errors: 1, costUsd: 0 },
      });
      expect(costs.get("gpt-4o")).toBeGreaterThan(0);
      expect(Object.fromEntries(edges.map((e) => [e.id, `${e.type} ${e.count}/${e.errors}`]))).toEqual({
        [`${triage}->model:gpt-4o-mini`]: "calls 3/0",
        [`${triage}->${refunds}`]: "handoff 3/0",
        [`${refunds}->model:gpt-4o`]: "calls 3/0",
        [`${refunds}->${mcp}`]: "calls 3/0",
        [`${mcp}->${lookup}`]: "calls 3/0",
        [`${refunds}->approval:issue_refund`]: "calls 3/0",
        [`${refunds}->tool:issue_refund`]: "calls 3/1",
      });
      const node = (id: string) => nodes.find((n) => n.id === id)!;
      near(node("model:gpt-4o-mini").p95Ms, 300); // nearest rank of 100, 200, 300
      near(node("approval:issue_refund").p95Ms, 90_000);
      near(edges.find((e) => e.id === `${refunds}->approval:issue_refund`)!.p95Ms, 90_000);
      // The gate comes from the approval requests kept at ingest, and sits before the tool it guards.
      const gate = node("approval:issue_refund").gate!;
      expect({ ...gate, p95WaitMs: null }).toEqual({
        action: "issue_refund",
        requests: 3,
        approved: 2,
        rejected: 1,
        timedOut: 0,
        escalated: 0,
        approvalRate: 0.666667,
        rejectionRate: 0.333333,
        p95WaitMs: null,
        guards: "tool:issue_refund",
      });
      near(gate.p95WaitMs, 90_000);
      expect(nodes.filter((n) => n.gate !== undefined).map((n) => n.id)).toEqual(["approval:issue_refund"]);
    });

    it("draws the map of every task from the rows summed over tasks, with the same figures", async () => {
      const { refunds } = ids();
      const { task: _task, ...range } = day1();
      const all = await graph(server, { ...range, agent: planted.refunds });
      const oneTask = await graph(server, { ...range, agent: planted.refunds, task: planted.task });
      // Other files' traces share the server; this run's agent names are its own, so the agent's map is this task's.
      expect(all).toEqual(oneTask);
      expect(all.edges.find((e) => e.id === `${refunds}->approval:issue_refund`)!.count).toBe(3);
    });

    it("narrows to one agent and compares two periods", async () => {
      const { triage, refunds } = ids();
      const agentOnly = await graph(server, { ...day1(), agent: planted.triage });
      expect(agentOnly.edges.map((e) => e.id).sort()).toEqual([`${triage}->${refunds}`, `${triage}->model:gpt-4o-mini`]);

      const { comparison } = await graph(server, {
        from: iso(DAY2 - HOUR),
        to: iso(DAY2 + HOUR),
        task: planted.task,
        compareFrom: iso(DAY1 - HOUR),
        compareTo: iso(DAY1 + HOUR),
      });
      expect(comparison!.appeared).toEqual(["model:gpt-4.1", `${refunds}->model:gpt-4.1`].sort());
      expect(comparison!.disappeared).toEqual(["model:gpt-4o", `${refunds}->model:gpt-4o`].sort());
      // MCP calls run on the real clock (the server handles them in its own context): left out here.
      const slower = comparison!.slower.map((c) => c.id).filter((id) => !id.includes("mcp_server:"));
      expect(slower.sort()).toEqual(["approval:issue_refund", `${refunds}->approval:issue_refund`, `${triage}->${refunds}`, refunds, triage].sort());
      expect(comparison!.costlier).toEqual([]);
    });

    it("opens an edge's traces and groups MCP latency by server", async () => {
      const { refunds, mcp } = ids();
      const page = await listTraces(server, { graphEdge: `${refunds}->${mcp}`, from: iso(DAY1 - HOUR), to: iso(DAY2 + HOUR) });
      expect(page.data.map((t) => t.name)).toEqual(Array(4).fill(planted.task));
      const latency = await fetch(
        `${server.baseUrl}/api/v1/metrics/latency?${new URLSearchParams({ from: iso(DAY1 - HOUR), to: iso(DAY1 + HOUR), bucket: "1h", groupBy: "mcp_server" })}`,
        { headers: authHeaders(server) },
      );
      const points = ((await latency.json()) as { data: { group: string; count: number }[] }).data.filter((p) => p.group === planted.server);
      expect(points.map((p) => p.count)).toEqual([3]);
    });

    it("refuses bad parameters by name", async () => {
      for (const [params, parameter] of [
        [{ from: "yesterday" }, "from"],
        [{ from: iso(DAY2), to: iso(DAY1) }, "to"],
        [{ compareFrom: iso(DAY1) }, "compareTo"],
        [{ colour: "red" }, "colour"],
      ] as const) {
        const response = await fetch(`${server.baseUrl}/api/v1/graph?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { parameter: string }).parameter).toBe(parameter);
      }
    });

    it("maps the Vercel AI SDK's own spans: two model calls and one tool call, wrappers not counted", async () => {
      // An agent name (telemetry functionId) of its own: other files send this library's trace to the shared servers too.
      const agent = `vercel-map-${randomUUID().slice(0, 8)}`;
      const facts = await runEmitter<{ traceId: string; model: string; tool: { name: string } }>("vercel-ai", server, { EMITTER_FUNCTION_ID: agent });
      const task = (await getTrace(server, facts.traceId)).trace.name;
      const { nodes } = await graph(server, { from: iso(Date.now() - HOUR), to: iso(Date.now() + HOUR), task, agent });
      const calls = (type: string) => nodes.filter((n) => n.type === type).map((n) => `${n.name} ${n.calls}`);
      expect(calls("tool")).toEqual([`${facts.tool.name} 1`]);
      expect(calls("model")).toEqual([`${facts.model} 2`]);
      expect(calls("agent")).toEqual([`${agent} 0`]); // functionId names the agent; no invoke_agent span counts a call
    });
  });
});
