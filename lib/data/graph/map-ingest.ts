import "server-only";
// The pipeline map's share of ingest, per commit: each trace's map moves by the change of its new spans
// and of the stored spans whose credit they change (lib/analytics/graph/map-step.ts), read with the
// trace's kept state, so a commit costs the same whether the trace holds ten spans or forty thousand.
// A trace is resolved whole (and its state rebuilt) only when it has no usable state (stored before
// states existed), when its task (name) changed, since every item then moves to the new task's rows
// (a late root: once per trace), or when its parent links form a cycle (malformed input: its state is
// dropped and it is resolved whole at every commit).
import type { SpanIdsByTrace } from "@/lib/analytics/changes";
import { addGraphChange, graphFacets, toGraphSpan, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import { graphContributions } from "@/lib/analytics/graph/graph-contributions";
import { emptyMapState, type MapState } from "@/lib/analytics/graph/map-state";
import { MapStep } from "@/lib/analytics/graph/map-step";
import type { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { pgText, type Sql, type SqlValue } from "@/lib/db/sql";
import type { SummarySpan } from "@/lib/trace/summarise";
import { deleteFacetKeys } from "./facet-keys";
import { staleGraphFacets } from "@/lib/analytics/graph/graph-change";
import { storedGraphSpans } from "./graph-ingest";
import { loadMapStates, MapWrites, readMarkedSpans, readStoredAncestors, readWaiting } from "./map-store";

/** A trace a commit inserted spans into: `task` is its name after the commit, `isNew` when it had no stored span. */
export type MapTrace = { traceId: string; task: string; isNew: boolean; cyclic: boolean };

type Facets = { add: SqlValue[][]; remove: string[][] };

/** The state of a trace resolved whole, as the step builds it from all its spans at once (null: a parent cycle). */
function rebuiltState(task: string, spans: readonly GraphSummarySpan[]) {
  const step = new MapStep(emptyMapState(task), task, spans.map(toGraphSpan), [], []);
  const result = step.finish([]);
  return step.cyclic ? null : result;
}

async function resolveWhole(tx: Sql, projectId: string, trace: MapTrace, inserted: SpanIdsByTrace, rollups: RollupDeltas, facets: Facets, writes: MapWrites) {
  const { traceId } = trace;
  const spans = await storedGraphSpans(tx, projectId, traceId);
  const items = addGraphChange(rollups, traceId, spans, { inserted });
  if (items) {
    for (const [facet, value] of graphFacets(items.now)) facets.add.push([projectId, facet, value, traceId]);
    for (const [facet, value] of staleGraphFacets(items.before, items.now)) facets.remove.push([facet, pgText(value), traceId]);
  }
  writes.clear(traceId);
  const rebuilt = trace.cyclic ? null : rebuiltState(trace.task, spans);
  if (rebuilt) writes.put(traceId, rebuilt.state, rebuilt.marks);
}

/** Returns false when the trace must be resolved whole instead (a parent cycle appeared). */
async function step(
  tx: Sql,
  projectId: string,
  trace: MapTrace,
  state: MapState,
  fresh: readonly SummarySpan[],
  rollups: RollupDeltas,
  facets: Facets,
  writes: MapWrites,
): Promise<boolean> {
  const { traceId, task } = trace;
  const spans = fresh as GraphSummarySpan[];
  const ancestors = trace.isNew ? [] : await readStoredAncestors(tx, projectId, traceId, spans);
  const waiting = trace.isNew ? [] : await readWaiting(tx, projectId, traceId, spans.map((s) => s.spanId));
  const mapStep = new MapStep(state, task, spans.map(toGraphSpan), ancestors, waiting);
  const needed = mapStep.needed();
  const result = mapStep.finish(needed.length > 0 ? await readMarkedSpans(tx, projectId, traceId, needed) : []);
  if (mapStep.cyclic) return false;
  if (result.before.length > 0) rollups.addAll(graphContributions(state.task, result.before), -1);
  rollups.addAll(graphContributions(task, result.after), 1);
  for (const [facet, value] of result.facetsAdded) facets.add.push([projectId, facet, value, traceId]);
  for (const [facet, value] of result.facetsRemoved) facets.remove.push([facet, pgText(value), traceId]);
  writes.put(traceId, result.state, result.marks, result.unmarked);
  return true;
}

/** Moves the map's rollups and facets by what this commit's new spans (`fresh`, by trace) changed. */
export async function addMapChanges(
  tx: Sql,
  projectId: string,
  traces: readonly MapTrace[],
  fresh: ReadonlyMap<string, SummarySpan[]>,
  inserted: SpanIdsByTrace,
  rollups: RollupDeltas,
): Promise<void> {
  const states = await loadMapStates(
    tx,
    projectId,
    traces.filter((t) => !t.isNew && !t.cyclic).map((t) => t.traceId),
  );
  const facets: Facets = { add: [], remove: [] };
  const writes = new MapWrites(projectId);
  for (const trace of traces) {
    const state = trace.isNew ? emptyMapState(trace.task) : states.get(trace.traceId);
    const incremental = !trace.cyclic && state !== undefined && state.task === trace.task;
    if (incremental && (await step(tx, projectId, trace, state, fresh.get(trace.traceId) ?? [], rollups, facets, writes))) continue;
    await resolveWhole(tx, projectId, trace, inserted, rollups, facets, writes);
  }
  await deleteFacetKeys(tx, projectId, facets.remove);
  await writes.write(tx);
  await tx.insertMany("trace_facets", ["projectId", "facet", "value", "traceId"], facets.add, `("projectId", "facet", "value", "traceId") DO NOTHING`);
}
