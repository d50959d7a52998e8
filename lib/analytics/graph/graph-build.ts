// The pipeline map of a range from its `graph.edge` rollup rows (graph-contributions.ts): rows of every
// bucket and task are summed per edge, histograms merged for p95, and each node gets the sum of its
// incoming edges (entries included), so a node's figures are its own spans, each counted once. Pure.
import { mergeBins, mergeParsedBins, quantiles, type Bins } from "../sketch";
import { decodeEdgeGroup, type EdgeGroup } from "./graph-contributions";
import { nodeId, type NodeRef, type NodeType } from "./graph-roles";

export type GraphFigures = { calls: number; errors: number; p95Ms: number | null; costUsd: number };
/** A gate's decisions and wait; rates are shares of the requests. */
export type ApprovalGate = {
  action: string;
  requests: number;
  approved: number;
  rejected: number;
  timedOut: number;
  escalated: number;
  approvalRate: number;
  rejectionRate: number;
  p95WaitMs: number | null;
  /** The node id of the tool this gate guards, when the map holds a tool named as the action. */
  guards: string | null;
};

/** `gate`: an approval node's decisions and wait (graph-gates.ts); absent on other nodes. */
export type GraphNode = { id: string; type: NodeType; name: string; server: string | null } & GraphFigures & { gate?: ApprovalGate };
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

function add(acc: Acc, from: Acc): void {
  acc.calls += from.calls;
  acc.errors += from.errors;
  acc.costUsd += from.costUsd;
  mergeBins(acc.bins, from.bins);
}

/** A group text decoded with its ids, or null when the filter leaves it out (or it is not a group). */
type KeptGroup = { group: EdgeGroup; toId: string; fromId: string | null; acc: Acc } | null;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildGraph(rows: Iterable<EdgeRow>, filter: GraphFilter = {}): PipelineGraph {
  const nodes = new Map<string, { ref: NodeRef; acc: Acc }>();
  const edges = new Map<string, { from: NodeRef; to: NodeRef; acc: Acc }>();
  const node = (ref: NodeRef, id: string) => {
    let entry = nodes.get(id);
    if (!entry) nodes.set(id, (entry = { ref, acc: newAcc() }));
    return entry;
  };
  // Each group repeats once per bucket (30 daily rows for a month): its rows are summed first, so the
  // group is decoded once and its node and edge take one merged histogram each.
  const groups = new Map<string, KeptGroup>();
  const keep = (text: string): KeptGroup => {
    const group = decodeEdgeGroup(text);
    if (group === null || !keeps(group, filter)) return null;
    return { group, toId: nodeId(group.to), fromId: group.from === null ? null : nodeId(group.from), acc: newAcc() };
  };
  for (const row of rows) {
    let k = groups.get(row.group);
    if (k === undefined) groups.set(row.group, (k = keep(row.group)));
    if (k === null) continue;
    k.acc.calls += row.count;
    k.acc.errors += row.errorCount;
    k.acc.costUsd += row.costUsd;
    if (row.bins) mergeParsedBins(k.acc.bins, JSON.parse(row.bins) as Record<string, number>);
  }
  for (const k of groups.values()) {
    if (k === null) continue;
    const { group, toId, fromId, acc } = k;
    add(node(group.to, toId).acc, acc);
    if (group.from === null || fromId === null) continue;
    node(group.from, fromId);
    const id = `${fromId}->${toId}`;
    let edge = edges.get(id);
    if (!edge) edges.set(id, (edge = { from: group.from, to: group.to, acc: newAcc() }));
    add(edge.acc, acc);
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
