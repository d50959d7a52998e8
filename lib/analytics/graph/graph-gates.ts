// Approval gates on the pipeline map, drawn from the approval rollups kept at ingest (dimension `gate`: one
// group per task, agent and action) rather than from approval spans: the map then shows what the Approvals
// dashboard counts (requests, decisions, the human wait) at the place where the pipeline waited.
//
// A gate node is `approval:<action>`, reached from each agent that asked; an approval's action names what
// it guards (the SDK's traceApproval is given the tool call awaiting approval), so when the map holds a
// tool of that name the gate records it in `guards` and the map draws it between that agent and the tool.
// Approval nodes and edges read from spans are replaced, so each approval is counted once. Pure.
import { quantiles, mergeBins, type Bins } from "../sketch";
import type { ApprovalGate, GraphEdge, GraphFilter, GraphNode, PipelineGraph } from "./graph-build";
import { edgeId, nodeId } from "./graph-roles";

export type GateGroup = { task: string; agent: string; action: string };

/** One approval rollup row of the `gate` dimension as read. */
export type GateRow = { group: string; requests: number; approved: number; rejected: number; timedOut: number; escalated: number; bins: Bins };

export function encodeGateGroup({ task, agent, action }: GateGroup): string {
  return JSON.stringify([task, agent, action]);
}

export function decodeGateGroup(text: string): GateGroup | null {
  let tuple: unknown;
  try {
    tuple = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(tuple) || tuple.length !== 3 || !tuple.every((v) => typeof v === "string")) return null;
  const [task, agent, action] = tuple as [string, string, string];
  return action === "" ? null : { task, agent, action };
}

type Acc = Omit<GateRow, "group">;
const newAcc = (): Acc => ({ requests: 0, approved: 0, rejected: 0, timedOut: 0, escalated: 0, bins: new Map() });

function add(into: Acc, row: Acc): void {
  into.requests += row.requests;
  into.approved += row.approved;
  into.rejected += row.rejected;
  into.timedOut += row.timedOut;
  into.escalated += row.escalated;
  mergeBins(into.bins, row.bins);
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : 0);
const p95 = (bins: Bins) => quantiles(bins, [0.95])[0] ?? null;

function keeps(group: GateGroup, { task, agent }: GraphFilter): boolean {
  return (task === undefined || group.task === task) && (agent === undefined || group.agent === agent);
}

/** `graph` with its approval nodes and edges replaced by the gates of `rows` (every bucket of the range). */
export function withApprovalGates(graph: PipelineGraph, rows: Iterable<GateRow>, filter: GraphFilter = {}): PipelineGraph {
  const gates = new Map<string, Acc>();
  const asks = new Map<string, { agent: string; action: string; acc: Acc }>();
  for (const row of rows) {
    const group = decodeGateGroup(row.group);
    if (group === null || !keeps(group, filter)) continue;
    const gate = gates.get(group.action) ?? newAcc();
    gates.set(group.action, gate);
    add(gate, row);
    if (group.agent === "") continue;
    const key = JSON.stringify([group.agent, group.action]);
    const ask = asks.get(key) ?? { agent: group.agent, action: group.action, acc: newAcc() };
    asks.set(key, ask);
    add(ask.acc, row);
  }
  const toolIds = new Set(graph.nodes.filter((n) => n.type === "tool" && n.server === null).map((n) => n.id));
  const agentIds = new Set(graph.nodes.filter((n) => n.type === "agent").map((n) => n.id));
  const isApproval = new Set(graph.nodes.filter((n) => n.type === "approval").map((n) => n.id));
  const nodes: GraphNode[] = graph.nodes.filter((n) => n.type !== "approval");
  for (const [action, acc] of gates) {
    if (acc.requests <= 0) continue;
    const tool = nodeId({ type: "tool", name: action });
    const gate: ApprovalGate = {
      action,
      requests: acc.requests,
      approved: acc.approved,
      rejected: acc.rejected,
      timedOut: acc.timedOut,
      escalated: acc.escalated,
      approvalRate: share(acc.approved, acc.requests),
      rejectionRate: share(acc.rejected, acc.requests),
      p95WaitMs: p95(acc.bins),
      guards: toolIds.has(tool) ? tool : null,
    };
    const id = nodeId({ type: "approval", name: action });
    nodes.push({ id, type: "approval", name: action, server: null, calls: acc.requests, errors: 0, p95Ms: gate.p95WaitMs, costUsd: 0, gate });
  }
  const edges: GraphEdge[] = graph.edges.filter((e) => !isApproval.has(e.to));
  for (const { agent, action, acc } of asks.values()) {
    if (acc.requests <= 0 || !agentIds.has(nodeId({ type: "agent", name: agent }))) continue;
    const [from, to] = [
      { type: "agent" as const, name: agent },
      { type: "approval" as const, name: action },
    ];
    edges.push({ id: edgeId(from, to), from: nodeId(from), to: nodeId(to), type: "calls", count: acc.requests, errors: 0, p95Ms: p95(acc.bins), costUsd: 0 });
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: nodes.sort(byId), edges: edges.sort(byId) };
}
