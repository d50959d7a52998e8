// Trace-list links of the pipeline map's nodes and edges: the list filtered to the traces that ran through
// the node or took the edge (facets kept at ingest), over the map's window, within its task. With
// `gates`, an approval gate opens the approval requests of its action instead (within the map's task and
// agent). Pure.
import type { GraphNode, PipelineGraph } from "@/lib/analytics/graph/graph-build";
import { buildApprovalRequestsHref } from "./approval-links";
import { buildTracesHref } from "./traces-href";

export type GateLinks = { requestsPath: string; agent?: string };

export function graphLinks(graph: PipelineGraph, tracesPath: string, fromMs: number, toMs: number, task?: string, gates?: GateLinks) {
  const name = task ? { name: task } : {};
  const nodeHref = (n: GraphNode) =>
    n.gate && gates
      ? buildApprovalRequestsHref(
          gates.requestsPath,
          { action: n.gate.action, ...(task ? { task } : {}), ...(gates.agent ? { agent: gates.agent } : {}) },
          fromMs,
          toMs,
        )
      : buildTracesHref(tracesPath, { ...name, graphNode: n.id }, fromMs, toMs);
  return {
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.id, nodeHref(n)])),
    edges: Object.fromEntries(graph.edges.map((e) => [e.id, buildTracesHref(tracesPath, { ...name, graphEdge: e.id }, fromMs, toMs)])),
  };
}
