import { describe, expect, it } from "vitest";
import { approvalGroups } from "@/lib/analytics/approval-rollup";
import type { GraphEdge, GraphNode, PipelineGraph } from "@/lib/analytics/graph/graph-build";
import { decodeGateGroup, encodeGateGroup, withApprovalGates, type GateRow } from "@/lib/analytics/graph/graph-gates";
import { addValue, type Bins } from "@/lib/analytics/sketch";

const node = (id: string, type: GraphNode["type"], calls = 1): GraphNode => ({
  id,
  type,
  name: id.slice(id.indexOf(":") + 1),
  server: null,
  calls,
  errors: 0,
  p95Ms: 10,
  costUsd: 0,
});
const edge = (from: string, to: string, count = 1): GraphEdge => ({ id: `${from}->${to}`, from, to, type: "calls", count, errors: 0, p95Ms: 10, costUsd: 0 });

// What the span-drawn map holds: the refunds agent asked for an approval (a span) and called the tool.
const SPAN_GRAPH: PipelineGraph = {
  nodes: [node("agent:refunds", "agent"), node("approval:issue_refund", "approval", 7), node("tool:issue_refund", "tool"), node("agent:triage", "agent")],
  edges: [edge("agent:refunds", "approval:issue_refund", 7), edge("agent:refunds", "tool:issue_refund"), edge("agent:triage", "agent:refunds")],
};

function row(
  task: string,
  agent: string,
  action: string,
  decisions: Partial<Record<"approved" | "rejected" | "timedOut" | "escalated", number>>,
  waits: number[],
): GateRow {
  const bins: Bins = new Map();
  for (const ms of waits) addValue(bins, ms);
  return { group: encodeGateGroup({ task, agent, action }), requests: waits.length, approved: 0, rejected: 0, timedOut: 0, escalated: 0, ...decisions, bins };
}

const ROWS = [
  row("refund", "refunds", "issue_refund", { approved: 2, rejected: 1 }, [60_000, 30_000, 90_000]),
  // The same gate the next day (another bucket's row) and in another task.
  row("refund", "refunds", "issue_refund", { timedOut: 1 }, [240_000]),
  row("chargeback", "refunds", "issue_refund", { approved: 1 }, [1_000]),
  // A gate no tool of the map is named after, asked by an agent the map does not hold.
  row("refund", "auditor", "close_account", { escalated: 1 }, [5_000]),
];

describe("approval gates on the pipeline map", () => {
  it("replaces span-drawn approvals with the gates' requests, decisions and wait, between agent and tool", () => {
    const graph = withApprovalGates(SPAN_GRAPH, ROWS);
    const gate = graph.nodes.find((n) => n.id === "approval:issue_refund")!;
    expect(gate).toMatchObject({ type: "approval", name: "issue_refund", calls: 5, errors: 0, costUsd: 0 });
    expect(gate.gate).toEqual({
      action: "issue_refund",
      requests: 5,
      approved: 3,
      rejected: 1,
      timedOut: 1,
      escalated: 0,
      approvalRate: 0.6,
      rejectionRate: 0.2,
      p95WaitMs: expect.any(Number) as number,
      guards: "tool:issue_refund",
    });
    expect(Math.abs(gate.gate!.p95WaitMs! / 240_000 - 1)).toBeLessThan(0.01); // nearest rank of five waits, within the sketch's 1 %
    expect(gate.p95Ms).toBe(gate.gate!.p95WaitMs);
    expect(graph.edges.find((e) => e.id === "agent:refunds->approval:issue_refund")).toMatchObject({ count: 5, errors: 0 });
    // The other gate is drawn without an edge (its agent is not on the map) and guards nothing.
    expect(graph.nodes.find((n) => n.id === "approval:close_account")!.gate).toMatchObject({ requests: 1, escalated: 1, guards: null });
    expect(graph.edges.map((e) => e.id)).toEqual(["agent:refunds->approval:issue_refund", "agent:refunds->tool:issue_refund", "agent:triage->agent:refunds"]);
  });

  it("keeps the gates of the map's task and agent only", () => {
    const oneTask = withApprovalGates(SPAN_GRAPH, ROWS, { task: "chargeback" });
    expect(oneTask.nodes.filter((n) => n.type === "approval").map((n) => [n.id, n.calls])).toEqual([["approval:issue_refund", 1]]);
    const oneAgent = withApprovalGates(SPAN_GRAPH, ROWS, { agent: "triage" });
    expect(oneAgent.nodes.filter((n) => n.type === "approval")).toEqual([]);
    expect(oneAgent.edges.some((e) => e.to.startsWith("approval:"))).toBe(false);
  });

  it("encodes a gate per task, agent and action, and refuses other text", () => {
    const group = { task: "t", agent: "", action: "a" };
    expect(decodeGateGroup(encodeGateGroup(group))).toEqual(group);
    for (const text of ["", "[1,2,3]", '["t","a"]', '["t","a",""]', "{"]) expect(decodeGateGroup(text)).toBeNull();
    const item = { startMs: 0, waitMs: 1, decision: "approved", action: "pay", agentName: null, approver: null, task: "t", userId: null };
    expect(approvalGroups(item)).toContainEqual(["gate", encodeGateGroup({ task: "t", agent: "", action: "pay" })]);
    expect(approvalGroups({ ...item, action: null }).some(([d]) => d === "gate")).toBe(false);
  });
});
