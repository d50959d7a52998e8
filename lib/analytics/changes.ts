// How a transaction's changes to stored spans turn into rollup deltas. New spans count once, as they
// are inserted. Traces are subtler, because a trace's summary can change after it was counted: a late
// root renames it, an earlier child moves its start (and so its bucket), a price change rewrites its
// cost. Rather than trusting the stored summary row, the previous contribution is recomputed from
// the spans as they were before this transaction (the stored ones minus those it inserted, with the
// costs it overwrote restored): rollups always equal the sum over the stored spans, whatever order
// spans arrived in and however many writers there are (each applies its own before → after step
// under the trace's lock). Pure.
import { summariseTrace, type SummarySpan, type TraceSummaryRow } from "@/lib/ingest/summarise";
import { spanContributions, traceContributions, type SpanFacts } from "./contributions";
import type { RollupDeltas } from "./rollup-delta";

export type PreviousCost = { costUsd: number | null; costSource: string | null };

/** What a transaction did to stored spans, keyed by spanKey. */
export type SpanChanges = {
  /** Spans this transaction inserted (re-sent spans that were already stored are not in it). */
  inserted?: ReadonlySet<string>;
  /** Spans whose cost this transaction overwrote, with the cost they had before. */
  previousCosts?: ReadonlyMap<string, PreviousCost>;
};

export const spanKey = (traceId: string, spanId: string) => `${traceId}:${spanId}`;

/** The trace's spans before this transaction; the very same array when it changed none of them. */
export function previousSpans(traceId: string, spans: SummarySpan[], { inserted, previousCosts }: SpanChanges): SummarySpan[] {
  if (!inserted?.size && !previousCosts?.size) return spans;
  let changed = false;
  const before: SummarySpan[] = [];
  for (const span of spans) {
    const key = spanKey(traceId, span.spanId);
    if (inserted?.has(key)) {
      changed = true;
      continue;
    }
    const cost = previousCosts?.get(key);
    if (cost) changed = true;
    before.push(cost ? { ...span, costUsd: cost.costUsd, costSource: cost.costSource } : span);
  }
  return changed ? before : spans;
}

/** Adds the change of one refreshed trace (old contribution out, new one in) to `deltas`. */
export function addTraceChange(deltas: RollupDeltas, traceId: string, spans: SummarySpan[], summary: TraceSummaryRow, changes: SpanChanges): void {
  const before = previousSpans(traceId, spans, changes);
  if (before === spans) return;
  if (before.length > 0) deltas.addAll(traceContributions(summariseTrace(traceId, before), before), -1);
  deltas.addAll(traceContributions(summary, spans), 1);
}

/** Adds each span this transaction inserted, once (a batch may carry the same span twice). */
export function addInsertedSpans(deltas: RollupDeltas, spans: readonly (SpanFacts & { traceId: string; spanId: string })[], inserted: ReadonlySet<string>): void {
  const counted = new Set<string>();
  for (const span of spans) {
    const key = spanKey(span.traceId, span.spanId);
    if (!inserted.has(key) || counted.has(key)) continue;
    counted.add(key);
    deltas.addAll(spanContributions(span), 1);
  }
}
