import "server-only";
// Keeps each trace's summary row, facets and rollup contribution up to date as its spans arrive. A
// trace's summary is maintained incrementally: its running state (lib/trace/trace-state.ts, stored as
// JSON with the row) plus its covered spans and frontier (trace-graph.ts) are brought up to date with
// the new spans alone, so a commit costs the same whether the trace holds ten spans or forty thousand.
// Traces without a usable state (stored before states existed, or whose parent links form a cycle)
// are summarised from all their spans (summariseTrace), which also rebuilds their state.
import { addTraceChange, previousSpans, type SpanChanges, type SpanIdsByTrace } from "@/lib/analytics/changes";
import type { RollupDeltas } from "@/lib/analytics/rollup-delta";
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { Kind, Status } from "@/lib/trace/types";
import { summariseTrace, type SummarySpan, type TraceSummaryRow } from "@/lib/trace/summarise";
import { addToFrontier } from "@/lib/trace/trace-frontier";
import { summaryOf, type TraceState } from "@/lib/trace/trace-state";
import { decodeTraceState, encodeTraceState } from "@/lib/trace/trace-state-codec";
import { bestStoredAgent, GraphWrites, inJsonList, loadStoredGraph } from "./trace-graph";

const TRACE_COLUMNS = [
  "projectId",
  "traceId",
  "name",
  "serviceName",
  "rootSpanId",
  "startNs",
  "endNs",
  "durationMs",
  "status",
  "spanCount",
  "errorCount",
  "llmCallCount",
  "toolCallCount",
  "inputTokens",
  "outputTokens",
  "totalTokens",
  "costUsd",
  "hasUnpriced",
  "sessionId",
  "userId",
  "agentName",
  "models",
  "summaryState",
] as const;

const SUMMARY_SELECT = `SELECT "spanId", "parentSpanId", "name", "kind", "serviceName", "startNs", "endNs", "status", "model",
  "inputTokens", "outputTokens", "costUsd", "costSource", "toolName", "agentName", "sessionId", "userId" FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;

const toNumberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toSummarySpan(row: Record<string, unknown>): SummarySpan {
  return {
    ...(row as Omit<SummarySpan, "kind" | "status">),
    kind: row.kind as Kind,
    status: row.status as Status,
    startNs: BigInt(row.startNs as bigint),
    endNs: BigInt(row.endNs as bigint),
    inputTokens: toNumberOrNull(row.inputTokens),
    outputTokens: toNumberOrNull(row.outputTokens),
    costUsd: toNumberOrNull(row.costUsd),
  };
}

/** Every stored span of a trace: only for traces summarised from all their spans. */
export const storedSpans = async (tx: Sql, projectId: string, traceId: string) =>
  (await tx.query(SUMMARY_SELECT, [projectId, traceId])).map(toSummarySpan);

/** Locks the traces for this transaction (PostgreSQL): another server process may be committing spans of the same trace. */
export async function lockTraces(tx: Sql, projectId: string, sortedIds: readonly string[]): Promise<void> {
  if (tx.dialect !== "postgres" || sortedIds.length === 0) return;
  // Sorted, so two writers never deadlock; held until commit, so each applies its before → after step in turn.
  const keys = sortedIds.map((id) => `${projectId}/${id}`);
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext(t)) FROM (SELECT json_array_elements_text(?::json) AS t ORDER BY 1) ids`, [JSON.stringify(keys)]);
}

/** The stored states of the traces that have a summary row (undefined: no row; null: a row without a usable state). */
export async function loadStates(tx: Sql, projectId: string, ids: readonly string[]): Promise<Map<string, TraceState | null>> {
  const rows = await tx.query<{ traceId: unknown; summaryState: unknown }>(
    `SELECT "traceId", "summaryState" FROM "traces" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`,
    [projectId, JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [String(row.traceId), decodeTraceState(row.summaryState as string | null)]));
}

type TraceSpan = SummarySpan & { traceId: string };

/** A trace's new summary, what it was (null: a new trace), and the state to keep. */
export type TraceUpdate = { traceId: string; before: TraceSummaryRow | null; after: TraceSummaryRow; state: TraceState };

/** Summary row, facets (`newFacets` only: the others are stored) and state of updated traces, and their rollup change. */
export class SummaryWrites {
  private readonly traces: SqlValue[][] = [];
  private readonly facets: SqlValue[][] = [];

  constructor(private readonly projectId: string) {}

  add({ before, after, state }: TraceUpdate, rollups: RollupDeltas): void {
    const s = after;
    this.traces.push([
      this.projectId,
      s.traceId,
      s.name,
      s.serviceName,
      s.rootSpanId,
      s.startNs,
      s.endNs,
      s.durationMs,
      s.status,
      s.spanCount,
      s.errorCount,
      s.llmCallCount,
      s.toolCallCount,
      s.inputTokens,
      s.outputTokens,
      s.totalTokens,
      s.costUsd,
      s.hasUnpriced,
      s.sessionId,
      s.userId,
      s.agentName,
      JSON.stringify(s.models),
      encodeTraceState(state),
    ]);
    for (const [facet, values, previous] of [
      ["model", s.models, before?.models],
      ["tool", s.tools, before?.tools],
      ["agent", s.agents, before?.agents],
    ] as const) {
      for (const value of values) if (!previous?.includes(value)) this.facets.push([this.projectId, facet, value, s.traceId]);
    }
    addTraceChange(rollups, before, after);
  }

  async write(tx: Sql): Promise<void> {
    const update = TRACE_COLUMNS.slice(2)
      .map((c) => `"${c}" = excluded."${c}"`)
      .join(", ");
    await tx.insertMany("traces", TRACE_COLUMNS, this.traces, `("projectId", "traceId") DO UPDATE SET ${update}`);
    await tx.insertMany("trace_facets", ["projectId", "facet", "value", "traceId"], this.facets, `("projectId", "facet", "value", "traceId") DO NOTHING`);
  }
}

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
}
