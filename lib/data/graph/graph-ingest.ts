import "server-only";
// The pipeline map's share of ingest: for each trace a commit stored spans into, its map items before
// and after (lib/analytics/graph/graph-change.ts) move the graph rollups, and its edges and nodes become
// trace-list facets (those it had before and lost are deleted). Here every trace is read whole: for
// repricing, purges and the fallback of map-ingest.ts, which ingest goes through (it reads a kept state).
import type { SpanChanges } from "@/lib/analytics/changes";
import { addGraphChange, graphFacets, resolveSpans, staleGraphFacets, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import type { Resolved } from "@/lib/analytics/graph/graph-items";
import type { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { pgText, type Sql, type SqlValue } from "@/lib/db/sql";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { deleteFacetKeys } from "./facet-keys";
import { GRAPH_SPAN_SELECT_COLUMNS, toSpan } from "./graph-span-rows";

const SELECT = `SELECT ${GRAPH_SPAN_SELECT_COLUMNS()} FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;

/** Every stored span of a trace, as the map reads them. */
export const storedGraphSpans = async (tx: Sql, projectId: string, traceId: string) => (await tx.query(SELECT, [projectId, traceId])).map(toSpan);

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
    const spans = batch ? (batch as GraphSummarySpan[]) : await storedGraphSpans(tx, projectId, traceId);
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
  const spans = await storedGraphSpans(tx, projectId, traceId);
  if (spans.length === 0) return null;
  return { task: summariseTrace(traceId, spans).name, resolved: resolveSpans(spans) };
}
