// Positions of the pipeline map's nodes, laid out by dagre (a layered layout: callers left of what they
// call, crossings minimised). React Flow places a node by its top-left corner, dagre by its centre.
import { Graph, layout } from "@dagrejs/dagre";
import type { GraphEdge, GraphNode } from "@/lib/analytics/graph/graph-build";

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 64;

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, { x: number; y: number }> {
  const graph = new Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 90 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) graph.setEdge(edge.from, edge.to);
  // A gate sits between the agent that asks and the tool it guards.
  for (const node of nodes) if (node.gate?.guards && graph.hasNode(node.gate.guards)) graph.setEdge(node.id, node.gate.guards);
  layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id) as { x: number; y: number } | undefined;
    positions.set(node.id, placed ? { x: placed.x - NODE_WIDTH / 2, y: placed.y - NODE_HEIGHT / 2 } : { x: 0, y: 0 });
  }
  return positions;
}
