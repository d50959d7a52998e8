// How a transaction's changes to stored spans turn into rollup deltas. New spans count once, as they
// are inserted. Traces are subtler, because a trace's summary can change after it was counted: a late
// root renames it, an earlier child moves its start (and so its bucket), a price change rewrites its
// cost. Each change takes the trace's previous summary out and puts the new one in: the previous one
// is the summary kept with the trace (its incremental state), or, for a trace summarised from all its
// spans, the summary of the spans as they were before this transaction (the stored ones minus those
// it inserted, with the costs it overwrote restored). Rollups thus always equal the sum over the
// stored spans, whatever order spans arrived in and however many writers there are (each applies its
// own before → after step under the trace's lock). Pure.
import type { SummarySpan, TraceSummaryRow } from "@/lib/trace/summarise";
import { spanContributions, traceContributions, type SpanFacts } from "./contributions";
import type { RollupDeltas } from "./rollup-delta";

export type PreviousCost = { costUsd: number | null; costSource: string | null };

/** Span ids by trace id: nested maps reuse the id strings instead of building a key per span (hot path). */
export type SpanIdsByTrace = ReadonlyMap<string, ReadonlySet<string>>;

/** What a transaction did to stored spans. */
export type SpanChanges = {
  /** Spans this transaction inserted (re-sent spans that were already stored are not in it). */
  inserted?: SpanIdsByTrace;
  /** Spans whose cost this transaction overwrote, by spanKey, with the cost they had before. */
  previousCosts?: ReadonlyMap<string, PreviousCost>;
};

export const spanKey = (traceId: string, spanId: string) => `${traceId}:${spanId}`;

/** Groups (traceId, spanId) rows, e.g. the rows an INSERT … RETURNING reported. */
export function groupByTrace(rows: Iterable<{ traceId?: unknown; spanId?: unknown }>): Map<string, Set<string>> {
  const byTrace = new Map<string, Set<string>>();
  for (const row of rows) {
    const traceId = String(row.traceId);
    let ids = byTrace.get(traceId);
    if (!ids) byTrace.set(traceId, (ids = new Set()));
    ids.add(String(row.spanId));
  }
  return byTrace;
}

/** The trace's spans before this transaction; the very same array when it changed none of them. */
export function previousSpans(traceId: string, spans: SummarySpan[], { inserted, previousCosts }: SpanChanges): SummarySpan[] {
  const insertedIds = inserted?.get(traceId);
  const hasCosts = previousCosts !== undefined && previousCosts.size > 0;
  if (!insertedIds && !hasCosts) return spans;
  if (insertedIds && !hasCosts && insertedIds.size >= spans.length) return []; // a new trace (the common case)
  let changed = false;
  const before: SummarySpan[] = [];
  for (const span of spans) {
    if (insertedIds?.has(span.spanId)) {
      changed = true;
      continue;
    }
    const cost = hasCosts ? previousCosts.get(spanKey(traceId, span.spanId)) : undefined;
    if (cost) changed = true;
    before.push(cost ? { ...span, costUsd: cost.costUsd, costSource: cost.costSource } : span);
  }
  return changed ? before : spans;
}

/** Adds the change of one trace (its previous contribution out, null for a new trace, the new one in) to `deltas`. */
export function addTraceChange(deltas: RollupDeltas, before: TraceSummaryRow | null, after: TraceSummaryRow): void {
  if (before !== null) deltas.addAll(traceContributions(before), -1);
  deltas.addAll(traceContributions(after), 1);
}

/** Adds each span this transaction inserted, once (a batch may carry the same span twice). */
export function addInsertedSpans(deltas: RollupDeltas, spans: readonly (SpanFacts & { traceId: string; spanId: string })[], inserted: SpanIdsByTrace): void {
  let insertedCount = 0;
  for (const ids of inserted.values()) insertedCount += ids.size;
  if (insertedCount === spans.length) {
    // Every span of the batch is new and none repeats (the common case): no membership checks.
    for (const span of spans) deltas.addAll(spanContributions(span), 1);
    return;
  }
  const counted = new Map<string, Set<string>>();
  for (const span of spans) {
    if (!inserted.get(span.traceId)?.has(span.spanId)) continue;
    let ids = counted.get(span.traceId);
    if (!ids) counted.set(span.traceId, (ids = new Set()));
    if (ids.has(span.spanId)) continue;
    ids.add(span.spanId);
    deltas.addAll(spanContributions(span), 1);
  }
}
