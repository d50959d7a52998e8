import "server-only";
// Removes the stored rows of whole traces (call inside a transaction): every table of
// attached-tables.ts, the trace's facets, and last its summary row. What happens to the rollups is the
// caller's decision (a deletion corrects them, retention keeps them).
import { inJsonList } from "@/lib/data/ingest/trace-graph";
import { pgText, quote, type Sql } from "@/lib/db/sql";
import { graphFacets } from "@/lib/analytics/graph/graph-change";
import { deleteFacetKeys } from "@/lib/data/graph/facet-keys";
import { storedTraceGraph } from "@/lib/data/graph/graph-ingest";
import { clearMapStateFacets, loadMapStates } from "@/lib/data/graph/map-store";
import { stateFacets } from "@/lib/analytics/graph/map-state";
import { TRACE_ATTACHED_TABLES, TRACE_SUMMARY_TABLE } from "./attached-tables";

/** A trace to remove, with its facet values when known (null: its summary was unusable, find its facets by scanning). */
export type DoomedTrace = { traceId: string; facets: { model: readonly string[]; tool: readonly string[]; agent: readonly string[] } | null };

const facetKeys = (traces: readonly DoomedTrace[]) =>
  traces.flatMap(({ traceId, facets }) =>
    facets ? (["model", "tool", "agent"] as const).flatMap((facet) => facets[facet].map((value) => [facet, pgText(value), traceId])) : [],
  );

/** The pipeline map's facets of the traces (edges and nodes): from their map states, else resolved from the spans still stored. */
async function graphFacetKeys(tx: Sql, projectId: string, traces: readonly DoomedTrace[]): Promise<string[][]> {
  const keys: string[][] = [];
  const states = await loadMapStates(
    tx,
    projectId,
    traces.map((t) => t.traceId),
  );
  for (const { traceId } of traces) {
    const state = states.get(traceId);
    const facets = state ? stateFacets(state) : graphFacets((await storedTraceGraph(tx, projectId, traceId))?.resolved ?? []);
    for (const [facet, value] of facets) keys.push([facet, pgText(value), traceId]);
  }
  return keys;
}

/**
 * Deletes the traces' pipeline-map facets (a purge that takes a long trace apart calls this before each
 * batch of its spans goes). A trace's map state then holds no facets, so the next batch finds none to
 * delete without resolving the spans left.
 */
export async function deleteGraphFacets(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<void> {
  await deleteFacetKeys(tx, projectId, await graphFacetKeys(tx, projectId, traceIds.map((traceId) => ({ traceId, facets: null }))));
  await clearMapStateFacets(tx, projectId, traceIds);
}

async function deleteFacets(tx: Sql, projectId: string, traces: readonly DoomedTrace[]): Promise<void> {
  await deleteFacetKeys(tx, projectId, [...facetKeys(traces), ...(await graphFacetKeys(tx, projectId, traces))]);
  const unknown = traces.filter((t) => t.facets === null).map((t) => t.traceId);
  if (unknown.length > 0)
    await tx.run(`DELETE FROM "trace_facets" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [projectId, JSON.stringify(unknown)]);
}

/** Deletes the traces' attached rows, facets and summary rows; returns how many summary rows went. */
export async function deleteTraceRows(tx: Sql, projectId: string, traces: readonly DoomedTrace[]): Promise<number> {
  if (traces.length === 0) return 0;
  const ids = JSON.stringify(traces.map((t) => t.traceId));
  // Facets first: the map's are resolved from the spans, which go with the attached tables.
  await deleteFacets(tx, projectId, traces);
  for (const table of TRACE_ATTACHED_TABLES) await tx.run(`DELETE FROM ${quote(table)} WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [projectId, ids]);
  return tx.run(`DELETE FROM ${quote(TRACE_SUMMARY_TABLE)} WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [projectId, ids]);
}

/** Deletes up to `limit` spans of one trace (a purge takes a very long trace apart in several transactions). */
export async function deleteSomeSpans(tx: Sql, projectId: string, traceId: string, limit: number): Promise<number> {
  return tx.run(
    `DELETE FROM "spans" WHERE "projectId" = ? AND "traceId" = ? AND "spanId" IN (SELECT "spanId" FROM "spans" WHERE "projectId" = ? AND "traceId" = ? LIMIT ?)`,
    [projectId, traceId, projectId, traceId, limit],
  );
}
