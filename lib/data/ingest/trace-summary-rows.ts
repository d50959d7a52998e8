import "server-only";
// The summary rows of traces as ingest reads and writes them: the state each keeps (lib/trace/trace-state.ts,
// as JSON in traces.summaryState), the row and facets derived from it, the per-trace lock of concurrent
// writers, and, for traces summarised from all their spans, those spans.
import { addTraceChange } from "@/lib/analytics/changes";
import type { RollupDeltas } from "@/lib/analytics/rollup-delta";
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { Kind, Status } from "@/lib/trace/types";
import type { SummarySpan, TraceSummaryRow } from "@/lib/trace/summarise";
import type { TraceState } from "@/lib/trace/trace-state";
import { decodeTraceState, encodeTraceState } from "@/lib/trace/trace-state-codec";
import { inJsonList } from "./trace-graph";

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

/** A trace's new summary, what it was (null: a new trace), and the state to keep. */
export type TraceUpdate = { traceId: string; before: TraceSummaryRow | null; after: TraceSummaryRow; state: TraceState };

/** Summary row, facets (`newFacets` only: the others are stored) and state of updated traces, and their rollup change. */
export class SummaryWrites {
  private readonly traces: SqlValue[][] = [];
  private readonly facets: SqlValue[][] = [];

  constructor(private readonly projectId: string) {}

  /** `allFacets`: write every facet of the trace, not only those the previous summary lacked (a repair). */
  add({ before, after, state }: TraceUpdate, rollups: RollupDeltas, allFacets = false): void {
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
      for (const value of values) if (allFacets || !previous?.includes(value)) this.facets.push([this.projectId, facet, value, s.traceId]);
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

