// How the evaluators read a stored trace's shape (lib/data/quality/eval-trace-batch.ts loads the rest). Pure.

/**
 * The trace's root: the span without a parent in the trace (the earliest such span when there are
 * several; `spans` in start order).
 */
export function rootSpanOf(spans: readonly { spanId: string; parentSpanId: string | null }[]): string | null {
  const ids = new Set(spans.map((s) => s.spanId));
  return spans.find((s) => s.parentSpanId === null || !ids.has(s.parentSpanId))?.spanId ?? null;
}
