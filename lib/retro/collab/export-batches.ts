// How the bulk export groups traces for reading their details: as many as fit under a span budget, so a
// batch is few queries yet its spans stay small in memory whatever the traces' sizes. Pure.

/** Spans one batch may hold; a single trace larger than this is a batch of its own. */
export const BATCH_SPAN_BUDGET = 2_000;
/** Traces one batch may hold (the length of the `IN (…)` lists it queries with). */
export const BATCH_MAX_TRACES = 100;

/** Consecutive runs of `traces`, in order, each within the span budget and the trace cap. */
export function detailBatches<T extends { spanCount: number }>(traces: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let spans = 0;
  for (const trace of traces) {
    const size = Math.max(1, trace.spanCount);
    if (current.length > 0 && (spans + size > BATCH_SPAN_BUDGET || current.length >= BATCH_MAX_TRACES)) {
      batches.push(current);
      current = [];
      spans = 0;
    }
    current.push(trace);
    spans += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Characters per streamed chunk: big enough for few writes, small enough to stay out of V8's large-object space. */
export const CHUNK_CHARS = 32_768;

/**
 * The next chunk of a stream of text pieces: pieces joined until at least `minChars` (a longer piece
 * stays whole), and whether the pieces ran out. Asks for no piece beyond the chunk it returns.
 */
export async function nextChunk(pieces: AsyncIterator<string>, minChars = CHUNK_CHARS): Promise<{ text: string; done: boolean }> {
  const parts: string[] = [];
  let size = 0;
  while (size < minChars) {
    const next = await pieces.next();
    if (next.done) return { text: parts.join(""), done: true };
    parts.push(next.value);
    size += next.value.length;
  }
  return { text: parts.join(""), done: false };
}
