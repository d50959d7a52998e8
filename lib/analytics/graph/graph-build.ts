// The pipeline map of a range from its `graph.edge` rollup rows (graph-contributions.ts): rows of every
// bucket and task are summed per edge, histograms merged for p95, and each node gets the sum of its
// incoming edges (entries included), so a node's figures are its own spans, each counted once. Pure.
import { decodeBins, mergeBins, quantiles, type Bins } from "../sketch";
import { decodeEdgeGroup, type EdgeGroup } from "./graph-contributions";
import { nodeId, type NodeRef, type NodeType } from "./graph-roles";

export type GraphFigures = { calls: number; errors: number; p95Ms: number | null; costUsd: number };
export type GraphNode = { id: string; type: NodeType; name: string; server: string | null } & GraphFigures;
export type GraphEdge = {
  id: string;
  from: string;
  to: string;
  type: "calls" | "handoff";
  count: number;
  errors: number;
  p95Ms: number | null;
  costUsd: number;
};
export type PipelineGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

/** One rollup row as read: its group text, totals and histogram text. */
export type EdgeRow = { group: string; count: number; errorCount: number; costUsd: number; bins: string | undefined };
export type GraphFilter = { task?: string; agent?: string };

type Acc = { calls: number; errors: number; costUsd: number; bins: Bins };

const newAcc = (): Acc => ({ calls: 0, errors: 0, costUsd: 0, bins: new Map() });
const round = (n: number) => Math.round(n * 1e9) / 1e9; // sums of float costs: no 0.30000000000000004

function keeps(group: EdgeGroup, { task, agent }: GraphFilter): boolean {
  if (task !== undefined && group.task !== task) return false;
  if (agent === undefined) return true;
  const isAgent = (n: NodeRef | null) => n?.type === "agent" && n.name === agent;
  return isAgent(group.from) || isAgent(group.to) || group.via === agent;
}

function figures(acc: Acc): GraphFigures {
  return { calls: acc.calls, errors: acc.errors, p95Ms: quantiles(acc.bins, [0.95])[0] ?? null, costUsd: round(acc.costUsd) };
}

function add(acc: Acc, row: EdgeRow): void {
  acc.calls += row.count;
  acc.errors += row.errorCount;
  acc.costUsd += row.costUsd;
  if (row.bins) mergeBins(acc.bins, decodeBins(row.bins));
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildGraph(rows: Iterable<EdgeRow>, filter: GraphFilter = {}): PipelineGraph {
  const nodes = new Map<string, { ref: NodeRef; acc: Acc }>();
  const edges = new Map<string, { from: NodeRef; to: NodeRef; acc: Acc }>();
  const node = (ref: NodeRef) => {
    const id = nodeId(ref);
    let entry = nodes.get(id);
    if (!entry) nodes.set(id, (entry = { ref, acc: newAcc() }));
    return entry;
  };
  for (const row of rows) {
    const group = decodeEdgeGroup(row.group);
    if (group === null || !keeps(group, filter)) continue;
    add(node(group.to).acc, row);
    if (group.from === null) continue;
    node(group.from);
    const id = `${nodeId(group.from)}->${nodeId(group.to)}`;
    let edge = edges.get(id);
    if (!edge) edges.set(id, (edge = { from: group.from, to: group.to, acc: newAcc() }));
    add(edge.acc, row);
  }
  return {
    nodes: [...nodes.entries()]
      .map(([id, { ref, acc }]): GraphNode => ({ id, type: ref.type, name: ref.name, server: ref.server ?? null, ...figures(acc) }))
      .sort(byId),
    edges: [...edges.entries()]
      .map(([id, { from, to, acc }]): GraphEdge => {
        const f = figures(acc);
        return {
          id,
          from: nodeId(from),
          to: nodeId(to),
          type: to.type === "agent" ? "handoff" : "calls",
          count: f.calls,
          errors: f.errors,
          p95Ms: f.p95Ms,
          costUsd: f.costUsd,
        };
      })
      .sort(byId),
  };
}
