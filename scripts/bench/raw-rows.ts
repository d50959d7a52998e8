// The rows of the raw-limit runs: the very bodies the server received, through the server's own
// parseTraceRequest + normaliseTraceRequest, so the raw insert writes byte-identical span rows. The
// conversion is not timed: the raw limit is what the database takes, not what decoding costs.
import { normaliseTraceRequest } from "../../lib/ingest/normalise";
import { parseTraceRequest } from "../../lib/ingest/parse";
import { SPAN_COLUMNS, spanRow, type SpanRecord } from "../../lib/ingest/span-record";
import { DEFAULT_PROJECT_ID } from "../../lib/data/scope";
import { buildPriceBook } from "../../lib/pricing/compute";

export { SPAN_COLUMNS };

export type RawValue = string | number | bigint | null;

// Fields of SpanRecord that are not columns of the spans table (governance facts go to their own tables).
const NOT_COLUMNS = ["governance"];

/** Catches drift: if SpanRecord gains a column the raw run would silently write less than ingest. */
function assertColumnsCover(record: SpanRecord): void {
  const missing = Object.keys(record).filter((key) => !(SPAN_COLUMNS as readonly string[]).includes(key) && !NOT_COLUMNS.includes(key));
  if (missing.length) throw new Error(`bench SPAN_COLUMNS lacks ${missing.join(", ")}: update scripts/bench/raw-rows.ts`);
}

/** Rows in chunks of `size` (the raw run's transaction size), converted lazily so memory stays flat. */
export function* rowChunks(bodies: readonly Buffer[], size: number): Generator<RawValue[][]> {
  const prices = buildPriceBook(); // a fresh database has no overrides, same as the benchmark server
  let pending: RawValue[][] = [];
  let checked = false;
  for (const body of bodies) {
    for (const span of normaliseTraceRequest(parseTraceRequest(body, "protobuf"), prices).spans) {
      if (!checked) {
        assertColumnsCover(span);
        checked = true;
      }
      pending.push(spanRow(DEFAULT_PROJECT_ID, span));
      if (pending.length === size) {
        yield pending;
        pending = [];
      }
    }
  }
  if (pending.length) yield pending;
}

export type RawResult = { rows: number; seconds: number; method: string };

/** Times only `insert` over every chunk; returns rows/s inputs. */
export async function timeChunks(bodies: readonly Buffer[], size: number, method: string, insert: (rows: RawValue[][]) => unknown): Promise<RawResult> {
  let rows = 0;
  let seconds = 0;
  for (const chunk of rowChunks(bodies, size)) {
    const started = performance.now();
    await insert(chunk);
    seconds += (performance.now() - started) / 1000;
    rows += chunk.length;
  }
  return { rows, seconds, method };
}

export const columnList = () => SPAN_COLUMNS.map((c) => `"${c}"`).join(", ");
