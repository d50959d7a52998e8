import "server-only";
// The pipeline map's share of ingest: for each trace a commit stored spans into, its map items before
// and after (lib/analytics/graph/graph-change.ts) move the graph rollups, and its edges and nodes become
// trace-list facets (those it had before and lost are deleted). A new trace's spans are all in the batch; a
// trace already stored is read whole.
import type { SpanChanges } from "@/lib/analytics/changes";
import { addGraphChange, graphFacets, GRAPH_SPAN_COLUMNS, resolveSpans, staleGraphFacets, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import type { Resolved } from "@/lib/analytics/graph/graph-items";
import type { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { pgText, type Sql, type SqlValue } from "@/lib/db/sql";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import type { Kind, Status } from "@/lib/trace/types";
import { deleteFacetKeys } from "./facet-keys";

const SELECT = `SELECT "spanId", "parentSpanId", "name", "kind", "serviceName", "startNs", "endNs", "status", "model", "costUsd", "toolName",
  "agentName", ${GRAPH_SPAN_COLUMNS} FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;

function toSpan(row: Record<string, unknown>): GraphSummarySpan {
  return {
    spanId: String(row.spanId),
    parentSpanId: row.parentSpanId === null ? null : String(row.parentSpanId),
    name: String(row.name),
    kind: row.kind as Kind,
    serviceName: row.serviceName === null ? null : String(row.serviceName),
    startNs: BigInt(row.startNs as bigint),
    endNs: BigInt(row.endNs as bigint),
    status: row.status as Status,
    model: row.model === null ? null : String(row.model),
    costUsd: row.costUsd === null ? null : Number(row.costUsd),
    toolName: row.toolName === null ? null : String(row.toolName),
    agentName: row.agentName === null ? null : String(row.agentName),
    spanKind: Number(row.spanKind),
    mcpServer: row.mcpServer === null ? null : String(row.mcpServer),
    graphHint: row.graphHint === null ? null : String(row.graphHint),
    inputTokens: null,
    outputTokens: null,
    costSource: null,
    sessionId: null,
    userId: null,
  };
}

/**
 * `traceIds`: the traces `changes` touched (spans inserted, costs rewritten); `fresh`: the spans of traces
 * that had no stored span before this commit, which are read from the batch instead of the database.
 */
export async function addGraphChanges(
  tx: Sql,
  projectId: string,
  traceIds: readonly string[],
  changes: SpanChanges,
  rollups: RollupDeltas,
  fresh: ReadonlyMap<string, SummarySpan[]> = new Map(),
): Promise<void> {
  const facets: SqlValue[][] = [];
  const stale: string[][] = [];
  for (const traceId of traceIds) {
    const batch = fresh.get(traceId);
    const spans = batch ? (batch as GraphSummarySpan[]) : (await tx.query(SELECT, [projectId, traceId])).map(toSpan);
    const items = addGraphChange(rollups, traceId, spans, changes);
    if (!items) continue;
    for (const [facet, value] of graphFacets(items.now)) facets.push([projectId, facet, value, traceId]);
    for (const [facet, value] of staleGraphFacets(items.before, items.now)) stale.push([facet, pgText(value), traceId]);
  }
  await deleteFacetKeys(tx, projectId, stale);
  await tx.insertMany("trace_facets", ["projectId", "facet", "value", "traceId"], facets, `("projectId", "facet", "value", "traceId") DO NOTHING`);
}

/**
 * A stored trace's map, from all its spans: its task (for the rollups) and resolved items (for the
 * facets). Null when no span is left. Deleting a trace takes exactly this out again.
 */
export async function storedTraceGraph(tx: Sql, projectId: string, traceId: string): Promise<{ task: string; resolved: Resolved[] } | null> {
  const spans = (await tx.query(SELECT, [projectId, traceId])).map(toSpan);
  if (spans.length === 0) return null;
  return { task: summariseTrace(traceId, spans).name, resolved: resolveSpans(spans) };
}
