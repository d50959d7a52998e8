import "server-only";
// Keeps each trace's summary row, facets and rollup contribution up to date as its spans arrive. A
// trace's summary is maintained incrementally: its running state (lib/trace/trace-state.ts, stored as
// JSON with the row) plus its covered spans and frontier (trace-graph.ts) are brought up to date with
// the new spans alone, so a commit costs the same whether the trace holds ten spans or forty thousand.
// Traces without a usable state (stored before states existed, or whose parent links form a cycle)
// are summarised from all their spans (summariseTrace), which also rebuilds their state.
import { previousSpans, type SpanChanges, type SpanIdsByTrace } from "@/lib/analytics/changes";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { writeRollups } from "@/lib/data/analytics/rollup-writer";
import type { Sql } from "@/lib/db/sql";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { addMapChanges } from "@/lib/data/graph/map-ingest";
import { getEnv } from "@/lib/env";
import { addToFrontier } from "@/lib/trace/trace-frontier";
import { summaryOf } from "@/lib/trace/trace-state";
import { bestStoredAgent, GraphWrites, loadStoredGraph } from "./trace-graph";
import { loadStates, lockTraces, storedSpans, SummaryWrites, type TraceUpdate } from "./trace-summary-rows";

type TraceSpan = SummarySpan & { traceId: string };

/**
 * A trace summarised from all its stored spans (`changes` says what this transaction did to them, so
 * the summary before it can be worked out too); its graph is rebuilt unless its links form a cycle.
 */
export async function summariseFromSpans(tx: Sql, projectId: string, traceId: string, changes: SpanChanges, graph: GraphWrites): Promise<TraceUpdate | null> {
  const spans = await storedSpans(tx, projectId, traceId);
  if (spans.length === 0) return null;
  const previous = previousSpans(traceId, spans, changes);
  const before = previous.length > 0 ? summariseTrace(traceId, previous) : null;
  const { state, changes: rebuilt, cyclic } = addToFrontier(null, spans);
  graph.clear(traceId);
  if (cyclic) return { traceId, before, after: summariseTrace(traceId, spans), state };
  graph.add(traceId, rebuilt.covered, rebuilt.upserts);
  return { traceId, before, after: summaryOf(traceId, state), state };
}

/** The first stored copy of each span this transaction inserted, by trace (a batch may carry a span twice). */
export function insertedSpans(spans: readonly TraceSpan[], inserted: SpanIdsByTrace): Map<string, SummarySpan[]> {
  const byTrace = new Map<string, SummarySpan[]>();
  const taken = new Map<string, Set<string>>();
  for (const span of spans) {
    const ids = inserted.get(span.traceId);
    if (!ids?.has(span.spanId)) continue;
    let seen = taken.get(span.traceId);
    if (!seen) taken.set(span.traceId, (seen = new Set()));
    if (seen.has(span.spanId)) continue;
    seen.add(span.spanId);
    let list = byTrace.get(span.traceId);
    if (!list) byTrace.set(span.traceId, (list = []));
    list.push(span);
  }
  return byTrace;
}

/**
 * Updates the summaries, facets and rollups of the traces this transaction inserted spans into
 * (`batchSpans`, of which `inserted` names the ones actually stored: re-sent spans change nothing).
 * `rollups` carries the caller's own deltas, written by the caller.
 */
export async function updateTraceSummaries(
  tx: Sql,
  projectId: string,
  batchSpans: readonly TraceSpan[],
  inserted: SpanIdsByTrace,
  rollups: RollupDeltas,
): Promise<void> {
  const fresh = insertedSpans(batchSpans, inserted);
  const ids = [...fresh.keys()].sort();
  if (ids.length === 0) return;
  await lockTraces(tx, projectId, ids);
  const states = await loadStates(tx, projectId, ids);
  const graph = new GraphWrites(projectId);
  const updates: TraceUpdate[] = [];
  const lostAgent: TraceUpdate[] = [];
  for (const traceId of ids) {
    const spans = fresh.get(traceId)!;
    const stored = states.get(traceId);
    if (stored === undefined) {
      // A new trace: every span it has is in this batch (each transaction that stores spans writes their trace's row).
      const { state, changes, cyclic } = addToFrontier(null, spans);
      if (!cyclic) graph.add(traceId, changes.covered, changes.upserts);
      updates.push({ traceId, before: null, after: cyclic ? summariseTrace(traceId, spans) : summaryOf(traceId, state), state });
      continue;
    }
    if (stored === null || stored.cyclic) {
      const update = await summariseFromSpans(tx, projectId, traceId, { inserted }, graph);
      if (update) updates.push(update);
      continue;
    }
    const before = summaryOf(traceId, stored);
    const result = addToFrontier(stored, spans, await loadStoredGraph(tx, projectId, traceId, spans));
    if (result.cyclic) {
      const update = await summariseFromSpans(tx, projectId, traceId, { inserted }, graph);
      if (update) updates.push({ ...update, before });
      continue;
    }
    graph.adopt(
      traceId,
      spans.map((s) => s.spanId),
    );
    graph.add(traceId, result.changes.covered, result.changes.upserts);
    const update = { traceId, before, after: summaryOf(traceId, result.state), state: result.state };
    updates.push(update);
    if (result.changes.agentLost) lostAgent.push(update);
  }
  await graph.write(tx);
  for (const update of lostAgent) {
    update.state.agent = await bestStoredAgent(tx, projectId, update.traceId);
    update.after = summaryOf(update.traceId, update.state);
  }
  const writes = new SummaryWrites(projectId);
  for (const update of updates) writes.add(update, rollups);
  await writes.write(tx);
  if (getEnv().HINDSIGHT_PIPELINE_MAP) {
    const traces = updates.map(({ traceId, after, state }) => ({ traceId, task: after.name, isNew: states.get(traceId) === undefined, cyclic: state.cyclic }));
    await addMapChanges(tx, projectId, traces, fresh, inserted, rollups);
  }
}

/**
 * The repair path: recomputes the traces' summaries from all their spans, rebuilds their state,
 * covered spans and frontier, rewrites their facets, and moves their rollups from what they held
 * (the stored state's summary, or for a trace without a usable state the summary of its spans) to
 * the recomputed one. For rows whose state was lost or is in doubt; ingest needs none of it.
 */
export async function rebuildTraceSummaries(tx: Sql, projectId: string, traceIds: Iterable<string>): Promise<number> {
  const ids = [...new Set(traceIds)].sort();
  await lockTraces(tx, projectId, ids);
  const states = await loadStates(tx, projectId, ids);
  const graph = new GraphWrites(projectId);
  const writes = new SummaryWrites(projectId);
  const rollups = new RollupDeltas();
  let rebuilt = 0;
  for (const traceId of ids) {
    const stored = states.get(traceId);
    if (stored === undefined) continue;
    const update = await summariseFromSpans(tx, projectId, traceId, {}, graph);
    if (!update) continue;
    if (stored !== null && !stored.cyclic) update.before = summaryOf(traceId, stored);
    writes.add(update, rollups, true);
    rebuilt++;
  }
  await graph.write(tx);
  await writes.write(tx);
  await writeRollups(tx, projectId, rollups);
  return rebuilt;
}
