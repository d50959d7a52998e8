// What changed between two periods of the pipeline map: nodes and edges that appeared or disappeared,
// and those present in both that got slower (p95) or costlier (cost per call) by at least CHANGE_RATIO.
// Cost per call rather than total cost, so more traffic alone is not "costlier". Pure.
import type { GraphEdge, GraphNode, PipelineGraph } from "./graph-build";

export const CHANGE_RATIO = 1.2;

export type GraphChange = { id: string; kind: "node" | "edge"; before: number; after: number };
export type GraphComparison = { appeared: string[]; disappeared: string[]; slower: GraphChange[]; costlier: GraphChange[] };

type Item = { id: string; kind: "node" | "edge"; calls: number; p95Ms: number | null; costUsd: number };

const items = (graph: PipelineGraph): Map<string, Item> =>
  new Map([
    ...graph.nodes.map((n: GraphNode): [string, Item] => [n.id, { id: n.id, kind: "node", calls: n.calls, p95Ms: n.p95Ms, costUsd: n.costUsd }]),
    ...graph.edges.map((e: GraphEdge): [string, Item] => [e.id, { id: e.id, kind: "edge", calls: e.count, p95Ms: e.p95Ms, costUsd: e.costUsd }]),
  ]);

const grew = (before: number, after: number) => before > 0 && after >= before * CHANGE_RATIO;
const round = (n: number) => Math.round(n * 1e9) / 1e9;

export function compareGraphs(previous: PipelineGraph, current: PipelineGraph): GraphComparison {
  const [was, now] = [items(previous), items(current)];
  const out: GraphComparison = { appeared: [], disappeared: [], slower: [], costlier: [] };
  for (const [id, item] of now) {
    const old = was.get(id);
    if (!old) {
      out.appeared.push(id);
      continue;
    }
    if (old.p95Ms !== null && item.p95Ms !== null && grew(old.p95Ms, item.p95Ms))
      out.slower.push({ id, kind: item.kind, before: old.p95Ms, after: item.p95Ms });
    const [perCallBefore, perCallAfter] = [old.calls ? old.costUsd / old.calls : 0, item.calls ? item.costUsd / item.calls : 0];
    if (grew(perCallBefore, perCallAfter)) out.costlier.push({ id, kind: item.kind, before: round(perCallBefore), after: round(perCallAfter) });
  }
  for (const id of was.keys()) if (!now.has(id)) out.disappeared.push(id);
  for (const list of [out.appeared, out.disappeared]) list.sort();
  return out;
}
