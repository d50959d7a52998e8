// The large text columns of a batch's spans (attributes, input, output, events: kilobytes a span) as
// UTF-8 bytes in one buffer, for the trip to the SQLite writer thread. Posted as strings they were copied
// into the message, rebuilt as strings in the writer's heap, where the writer thread, the pace-setter of
// ingest, spent its time allocating and collecting them, and encoded to UTF-8 again when bound to
// the INSERT. As bytes, the buffer moves to the writer without a copy (transferred) and SQLite binds
// views of it directly, cast back to TEXT in the INSERT (lib/data/ingest/store-batch.ts). The writer's side of a
// commit (receive, then storeBatch) took a median 36 µs a span against 41 µs with strings, over nine
// interleaved pairs of runs on the benchmark's workload.
import type { SpanRecord } from "./span-record";

export const PACKED_COLUMNS = ["attributes", "input", "output", "events"] as const;
type PackedColumn = (typeof PACKED_COLUMNS)[number];

/** The columns of every span, in PACKED_COLUMNS order: `ends[k]` is where value k ends, -1 for null. */
export type PackedText = { bytes: ArrayBuffer; ends: Int32Array };

/** A span's packed columns as byte views, in PACKED_COLUMNS order (null where the column is null). */
export type SpanText = (Uint8Array | null)[];

/** Room a UTF-8 write must leave to prove it was not cut short (a character takes at most 4 bytes). */
const MAX_CHAR_BYTES = 4;

/**
 * Moves the packed columns of `spans` into one buffer and sets them to null on the spans, which the
 * caller hands over with the buffer (the spans are no longer complete on their own).
 */
export function packText(spans: SpanRecord[]): PackedText {
  let capacity = MAX_CHAR_BYTES;
  for (const span of spans) for (const column of PACKED_COLUMNS) capacity += span[column]?.length ?? 0;
  let bytes = Buffer.allocUnsafeSlow(capacity + (capacity >> 3)); // own memory, not the shared pool: it is transferred
  const ends = new Int32Array(spans.length * PACKED_COLUMNS.length);
  let offset = 0;
  let k = 0;
  for (const span of spans) {
    const record = span as Record<PackedColumn, string | null>;
    for (const column of PACKED_COLUMNS) {
      const text = record[column];
      if (text === null || text === undefined) {
        ends[k++] = -1;
        continue;
      }
      let written = bytes.write(text, offset);
      if (bytes.length - offset - written < MAX_CHAR_BYTES) {
        // Possibly cut short (multi-byte characters): make room for the exact length and write again.
        const grown = Buffer.allocUnsafeSlow(Math.max(bytes.length * 2, offset + Buffer.byteLength(text) + MAX_CHAR_BYTES));
        bytes.copy(grown, 0, 0, offset);
        bytes = grown;
        written = bytes.write(text, offset);
      }
      offset += written;
      ends[k++] = offset;
      record[column] = null;
    }
  }
  return { bytes: bytes.buffer, ends };
}

/** Each span's packed columns as views of the buffer, in span order. */
export function unpackText({ bytes, ends }: PackedText): SpanText[] {
  const texts: SpanText[] = [];
  let start = 0;
  for (let k = 0; k < ends.length; k += PACKED_COLUMNS.length) {
    const text: SpanText = [];
    for (let c = 0; c < PACKED_COLUMNS.length; c++) {
      const end = ends[k + c]!;
      if (end < 0) {
        text.push(null);
        continue;
      }
      text.push(Buffer.from(bytes, start, end - start));
      start = end;
    }
    texts.push(text);
  }
  return texts;
}
