// How a transaction's changes to a trace move the pipeline map's rollups: the trace's items as they were
// before it (the same spans minus those just inserted, old costs restored: changes.ts) come out, its items
// now go in. A hand-off's agent arriving after its tools, a late root renaming the task, a repricing: all
// are the same before → after step, so the rollups always equal the stored traces resolved whole. Pure.
import { previousSpans, type SpanChanges } from "../changes";
import type { RollupDeltas } from "../rollup-delta";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { graphContributions } from "./graph-contributions";
import type { Resolved } from "./graph-items";
import { edgeId, nodeId, type GraphSpan, type NodeRef } from "./graph-roles";
import { resolveTrace } from "./resolve-trace";

/** A stored span as the summary reads it, with the columns only the map reads. */
export type GraphSummarySpan = SummarySpan & Pick<SpanRecord, "spanKind" | "mcpServer" | "graphHint">;

/** The spans table's columns the map reads beyond the summary's (for SELECT lists). */
export const GRAPH_SPAN_COLUMNS = `"spanKind", "mcpServer", "graphHint"`;

export function toGraphSpan(span: GraphSummarySpan): GraphSpan {
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: span.kind,
    spanKind: Number(span.spanKind),
    serviceName: span.serviceName,
    toolName: span.toolName,
    agentName: span.agentName,
    model: span.model,
    mcpServer: span.mcpServer ?? null,
    graphHint: span.graphHint ?? null,
    startNs: span.startNs,
    durationMs: Math.max(0, Number(span.endNs - span.startNs) / 1e6),
    status: span.status,
    costUsd: span.costUsd,
  };
}

export const resolveSpans = (spans: readonly GraphSummarySpan[]) => resolveTrace(spans.map(toGraphSpan));

/** Adds the map's change of one refreshed trace to `deltas`; returns its items before and now (for facets). */
export function addGraphChange(
  deltas: RollupDeltas,
  traceId: string,
  spans: GraphSummarySpan[],
  changes: SpanChanges,
): { before: Resolved[]; now: Resolved[] } | null {
  const previous = previousSpans(traceId, spans, changes) as GraphSummarySpan[];
  if (previous === spans) return null;
  const before = previous.length > 0 ? resolveSpans(previous) : [];
  if (before.length > 0) deltas.addAll(graphContributions(summariseTrace(traceId, previous).name, before), -1);
  const now = resolveSpans(spans);
  deltas.addAll(graphContributions(summariseTrace(traceId, spans).name, now), 1);
  return { before, now };
}

/** Calls `add` with each trace-list facet of one item (never the same one twice). */
export function forEachItemFacet({ item, source }: Resolved, add: (facet: string, value: string) => void): void {
  const agent = source ?? item.fallback;
  const target = item.target;
  add("graph.node", nodeId(target));
  if (agent !== null) add("graph.edge", edgeId({ type: "agent", name: agent }, target));
  if (item.tool !== undefined) {
    const tool: NodeRef = { type: "tool", name: item.tool, server: target.name };
    add("graph.node", nodeId(tool));
    add("graph.edge", edgeId(target, tool));
  }
}

/** Trace-list facets of a trace's items: each edge and each MCP server, server tool and approval node. */
export function graphFacets(resolved: readonly Resolved[]): [facet: string, value: string][] {
  const out = new Map<string, [string, string]>();
  const add = (facet: string, value: string) => out.set(`${facet}\u0000${value}`, [facet, value]);
  for (const r of resolved) forEachItemFacet(r, add);
  return [...out.values()];
}

/**
 * The facets a trace had before a change and no longer has (a late agent span turning a tool's edge into a
 * hand-off, a late root renaming nothing but re-parenting a call): they must go, or the trace list would
 * keep offering the trace under a node or edge it no longer passes through.
 */
export function staleGraphFacets(before: readonly Resolved[], now: readonly Resolved[]): [facet: string, value: string][] {
  const kept = new Set(graphFacets(now).map(([facet, value]) => `${facet}\u0000${value}`));
  return graphFacets(before).filter(([facet, value]) => !kept.has(`${facet}\u0000${value}`));
}
