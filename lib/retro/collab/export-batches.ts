// How the bulk export groups traces for reading their details: as many as fit under a span budget, so a
// batch is few queries yet its spans stay small in memory whatever the traces' sizes. Pure.

/** Spans one batch may hold; a single trace larger than this is a batch of its own. */
export const BATCH_SPAN_BUDGET = 5_000;
/** Traces one batch may hold (the length of the `IN (…)` lists it queries with). */
export const BATCH_MAX_TRACES = 250;

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

/** The lines joined into chunks of at most `maxChars` (a longer line is a chunk of its own), in order. */
export function joinIntoChunks(lines: readonly string[], maxChars = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length > 0 && size + line.length > maxChars) {
      chunks.push(current.join(""));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length;
  }
  if (current.length > 0) chunks.push(current.join(""));
  return chunks;
}
