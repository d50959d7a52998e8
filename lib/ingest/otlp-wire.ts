// The protobuf wire primitives of the OTLP trace decoder (otlp-trace-decoder.ts): length-checked
// lengths and embedded messages, strings sliced from the body without copies, int64 and fixed64 as the
// general path converts them, and unknown-field skipping that refuses a declared field with another wire
// type. protobufjs's Reader decodes every wire primitive; these add the checks and the zero-copy slices.
import protobuf from "protobufjs";

export type Reader = protobuf.Reader;
// Tags are (field << 3) | wire type, written as literals so the comparisons are against constants;
// matching the whole tag checks the wire type too. Wire types: 0 varint, 1 fixed64, 2 length, 5 fixed32.
/** Bits 1..last set: field numbers the message declares, where another wire type is an error. */
export const known = (last: number) => (2 << last) - 2;
export const DEEPEST_VALUE = 32; // anyValueToJs's limit

// The body as a Buffer (zero copy), also when it came as a plain Uint8Array (a normalise worker gets
// one): strings are decoded the same way in every thread, invalid UTF-8 included (as U+FFFD, which is
// what protobufjs's BufferReader does for the request thread's Buffers). Its native slices skip
// Buffer#toString's argument handling (~40 ns a call, ~20 calls a span).
type Slices = { utf8Slice(start: number, end: number): string; hexSlice(start: number, end: number): string; base64Slice(start: number, end: number): string };
const EMPTY = Buffer.alloc(0) as Buffer & Slices;
let view = EMPTY;

/** Runs `read` over `bytes` (the only body the slices read meanwhile), and lets the body go after. */
export function withBody<T>(bytes: Uint8Array, read: () => T): T {
  view = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Buffer & Slices;
  try {
    return read();
  } finally {
    view = EMPTY; // do not keep the last body alive
  }
}

/** Reads a length prefix, checks it against the enclosing message, moves past the value; returns its start.
 *  Also how declared length-delimited fields we do not output are skipped. */
export function take(r: Reader): number {
  const length = r.uint32(),
    start = r.pos;
  if (length > r.len - start) throw new RangeError(`length ${length} at offset ${start} runs past the end of its message (${r.len})`);
  r.pos = start + length;
  return start;
}

/** Enters an embedded message as protobufjs's decode(r, r.uint32(), _, depth) does; returns the outer end. */
export function enter(r: Reader, depth: number): number {
  if (depth > protobuf.Reader.recursionLimit) throw new Error("maximum nesting depth exceeded");
  const length = r.uint32(),
    outer = r.len;
  if (length > outer - r.pos) throw new RangeError(`message of length ${length} at offset ${r.pos} runs past the end of its parent (${outer})`);
  r.len = r.pos + length;
  return outer;
}

export function leave(r: Reader, outer: number): void {
  if (r.pos !== r.len) throw new RangeError(`a field runs past the end of its message (${r.len})`);
  r.len = outer;
}

export function text(r: Reader): string {
  const start = take(r);
  return view.utf8Slice(start, r.pos);
}

/** fixed64 nanoseconds, unsigned and exact. */
export function nanos(r: Reader): bigint {
  const low = r.fixed32();
  return BigInt(r.fixed32()) * 4294967296n + BigInt(low);
}

/** int64ToValue for the Long: a number when exact, else signed decimal text. */
export function int64(r: Reader): number | string {
  const { low, high } = r.int64();
  const value = high * 4294967296 + (low >>> 0); // rounded once, as Number(bigint) is: same isSafeInteger answer
  return Number.isSafeInteger(value) ? value : ((BigInt(high) << 32n) | BigInt(low >>> 0)).toString();
}

/** Skips an unknown field as protobufjs does; a declared field with another wire type is an error. */
export function skip(r: Reader, t: number, declared: number, depth: number): void {
  const field = t >>> 3;
  if (field < 32 && (declared >>> field) & 1) throw new Error(`field ${field} has wire type ${t & 7}, which its type cannot have`);
  r.skipType(t & 7, depth);
}

/** A bytes field as lowercase hex (trace and span ids). */
export function hex(r: Reader): string {
  const start = take(r);
  return view.hexSlice(start, r.pos);
}

/** A bytes field as base64 (bytes attribute values, as the general path writes them). */
export function base64(r: Reader): string {
  const start = take(r);
  return view.base64Slice(start, r.pos);
}
