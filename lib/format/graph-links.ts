// Trace-list links of the pipeline map's nodes and edges: the list filtered to the traces that ran through
// the node or took the edge (facets kept at ingest), over the map's window, within its task. Pure.
import type { PipelineGraph } from "@/lib/analytics/graph/graph-build";
import { buildTracesHref } from "./traces-href";

export function graphLinks(graph: PipelineGraph, tracesPath: string, fromMs: number, toMs: number, task?: string) {
  const name = task ? { name: task } : {};
  return {
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.id, buildTracesHref(tracesPath, { ...name, graphNode: n.id }, fromMs, toMs)])),
    edges: Object.fromEntries(graph.edges.map((e) => [e.id, buildTracesHref(tracesPath, { ...name, graphEdge: e.id }, fromMs, toMs)])),
  };
}
