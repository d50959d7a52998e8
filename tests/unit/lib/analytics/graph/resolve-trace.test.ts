import { describe, expect, it } from "vitest";
import { buildGraph, type EdgeRow } from "@/lib/analytics/graph/graph-build";
import { graphContributions } from "@/lib/analytics/graph/graph-contributions";
import type { GraphSpan } from "@/lib/analytics/graph/graph-roles";
import { resolveTrace } from "@/lib/analytics/graph/resolve-trace";
import { encodeBins, addValue } from "@/lib/analytics/sketch";

let clock = 0n;
function span(spanId: string, parentSpanId: string | null, fields: Partial<GraphSpan>): GraphSpan {
  clock += 1_000_000n;
  return {
    spanId,
    parentSpanId,
    name: spanId,
    kind: "chain",
    spanKind: 1,
    serviceName: "svc",
    toolName: null,
    agentName: null,
    model: null,
    mcpServer: null,
    graphHint: null,
    startNs: clock,
    durationMs: 10,
    status: "ok",
    costUsd: null,
    ...fields,
  };
}

/** Edges as "from -> to" strings, one per resolved item. */
const edges = (spans: GraphSpan[]) =>
  resolveTrace(spans).map(({ item, source }) => `${source ?? "-"} -> ${item.target.type}:${item.target.name}${item.tool ? `/${item.tool}` : ""}`);

describe("resolveTrace", () => {
  it("credits calls to the nearest agent and nested agents as hand-offs", () => {
    const spans = [
      span("root", null, { kind: "chain" }),
      span("a", "root", { kind: "agent", agentName: "triage" }),
      span("llm", "a", { kind: "llm", model: "gpt-4o-mini" }),
      span("handoff", "a", { kind: "tool", toolName: "transfer_to_refunds" }),
      span("b", "a", { kind: "agent", agentName: "refunds" }),
      span("step", "b", { kind: "chain" }),
      span("t", "step", { kind: "tool", toolName: "issue_refund" }),
    ];
    expect(edges(spans).sort()).toEqual(["- -> agent:triage", "refunds -> tool:issue_refund", "triage -> agent:refunds", "triage -> model:gpt-4o-mini"]);
  });

  it("counts an MCP call once when client and server spans both arrive, naming the server from the server side", () => {
    const client = span("c", "a", { kind: "tool", toolName: "lookup", mcpServer: "" });
    const server = span("s", "c", { kind: "tool", toolName: "lookup", mcpServer: "orders", spanKind: 2, serviceName: "orders" });
    const agent = span("a", null, { kind: "agent", agentName: "refunds" });
    expect(edges([agent, client, server]).sort()).toEqual(["- -> agent:refunds", "refunds -> mcp_server:orders/lookup"]);
    // Only the server span stored: it stands for the call.
    expect(edges([agent, server])).toContain("- -> mcp_server:orders/lookup");
  });

  it("follows a hand-off tool to a sibling agent run", () => {
    const spans = [
      span("root", null, {}),
      span("a", "root", { kind: "agent", agentName: "Triage agent" }),
      span("h", "a", { kind: "tool", toolName: "transfer_to_refund_agent" }),
      span("b", "root", { kind: "agent", agentName: "Refund agent" }),
    ];
    expect(edges(spans).sort()).toEqual(["- -> agent:Triage agent", "Triage agent -> agent:Refund agent"]);
  });

  it("reads approvals from their hint and survives a parent cycle", () => {
    const spans = [span("x", "y", { kind: "other", graphHint: "approval:refund" }), span("y", "x", { kind: "chain" })];
    expect(edges(spans)).toEqual(["- -> approval:refund"]);
  });
});

describe("buildGraph", () => {
  it("sums rows per edge, gives nodes their incoming figures and filters by agent", () => {
    const resolved = resolveTrace([
      span("a", null, { kind: "agent", agentName: "triage", durationMs: 100 }),
      span("l", "a", { kind: "llm", model: "m", costUsd: 0.1, durationMs: 40 }),
      span("b", "a", { kind: "agent", agentName: "refunds", durationMs: 50 }),
      span("c", "b", { kind: "tool", toolName: "lookup", mcpServer: "orders", status: "error", durationMs: 20 }),
    ]);
    const rows: EdgeRow[] = [];
    for (const c of [...graphContributions("task", resolved), ...graphContributions("task", resolved)]) {
      if (c.dimension !== "graph.edge") continue;
      const bins = new Map<number, number>();
      addValue(bins, c.item.durationMs);
      rows.push({ group: c.group, count: 1, errorCount: c.item.errorCount, costUsd: c.item.costUsd, bins: encodeBins(bins) });
    }
    const graph = buildGraph(rows);
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    expect(graph.nodes.map((n) => n.id)).toEqual(["agent:refunds", "agent:triage", "mcp_server:orders", "mcp_server:orders/tool:lookup", "model:m"]);
    expect(node("model:m")).toMatchObject({ calls: 2, errors: 0, costUsd: 0.2 });
    expect(node("mcp_server:orders")).toMatchObject({ calls: 2, errors: 2 });
    expect(node("agent:triage")!.p95Ms).toBeCloseTo(100, -1);
    expect(graph.edges.map((e) => `${e.id} ${e.type} ${e.count}`)).toEqual([
      "agent:refunds->mcp_server:orders calls 2",
      "agent:triage->agent:refunds handoff 2",
      "agent:triage->model:m calls 2",
      "mcp_server:orders->mcp_server:orders/tool:lookup calls 2",
    ]);
    const triageOnly = buildGraph(rows, { agent: "triage" });
    expect(triageOnly.edges.map((e) => e.id)).toEqual(["agent:triage->agent:refunds", "agent:triage->model:m"]);
    expect(buildGraph(rows, { task: "other" }).nodes).toEqual([]);
  });
});
