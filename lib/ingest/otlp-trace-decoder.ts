// Protobuf ExportTraceServiceRequest straight into OtlpTraceRequest, in one pass over the wire format.
// The general path (parse.ts) first lets protobufjs build message objects (two Long objects per int64 and
// fixed64, prototype defaults, arrays per repeated field) and then walks them into our shape: ~12 µs a
// span in server profiles, plus the garbage. On the bench workload (2 KB spans, esbuild bundle, best of 3)
// that path takes ~7.3 µs a span and this one ~4.6, much of it UTF-8 decoding that both paths share.
// protobufjs's Reader still decodes every wire primitive here (varints, fixed ints, doubles, skipping
// unknown fields); only the field dispatch is ours, as in protobufjs's generated decoders, minus the
// intermediate objects.
//
// For every valid body the output equals toTraceRequest(TraceRequest.decode(bytes)), quirks included
// (tests/unit/lib/ingest/otlp-trace-decoder.test.ts). On malformed bodies this decoder is stricter: a
// string running past its message is an error (BufferReader.string silently truncates it), so is a known
// field sent with another wire type (protobufjs reads it as the declared type anyway), and so is a value
// nested past 32 levels even when a later field replaces it (anyValueToJs never walks replaced values).
// It is laxer in one way: fields it does not output (scope attributes, trace_state, schema_url,
// dropped counts, flags, oneof members that cannot win) are skipped by length, unchecked inside.
import protobuf from "protobufjs";
import {
  OtlpShapeError,
  type OtlpAttributes,
  type OtlpEvent,
  type OtlpLink,
  type OtlpResourceSpans,
  type OtlpScopeSpans,
  type OtlpSpan,
  type OtlpTraceRequest,
  type OtlpValue,
} from "./otlp-types";

type Reader = protobuf.Reader;
// Tags are (field << 3) | wire type, written as literals so the comparisons are against constants;
// matching the whole tag checks the wire type too. Wire types: 0 varint, 1 fixed64, 2 length, 5 fixed32.
/** Bits 1..last set: field numbers the message declares, where another wire type is an error. */
const known = (last: number) => (2 << last) - 2;
const DEEPEST_VALUE = 32; // anyValueToJs's limit
const PREFIX = "body is not a valid protobuf ExportTraceServiceRequest: "; // as parse.ts words it

// The body as a Buffer (zero copy), also when it came as a plain Uint8Array (a normalise worker gets
// one): strings are decoded the same way in every thread, invalid UTF-8 included (as U+FFFD, which is
// what protobufjs's BufferReader does for the request thread's Buffers). Its native slices skip
// Buffer#toString's argument handling (~40 ns a call, ~20 calls a span).
type Slices = { utf8Slice(start: number, end: number): string; hexSlice(start: number, end: number): string; base64Slice(start: number, end: number): string };
const EMPTY = Buffer.alloc(0) as Buffer & Slices;
let view = EMPTY;

/** Reads a length prefix, checks it against the enclosing message, moves past the value; returns its start.
 *  Also how declared length-delimited fields we do not output are skipped. */
function take(r: Reader): number {
  const length = r.uint32(),
    start = r.pos;
  if (length > r.len - start) throw new RangeError(`length ${length} at offset ${start} runs past the end of its message (${r.len})`);
  r.pos = start + length;
  return start;
}

/** Enters an embedded message as protobufjs's decode(r, r.uint32(), _, depth) does; returns the outer end. */
function enter(r: Reader, depth: number): number {
  if (depth > protobuf.Reader.recursionLimit) throw new Error("maximum nesting depth exceeded");
  const length = r.uint32(),
    outer = r.len;
  if (length > outer - r.pos) throw new RangeError(`message of length ${length} at offset ${r.pos} runs past the end of its parent (${outer})`);
  r.len = r.pos + length;
  return outer;
}

function leave(r: Reader, outer: number): void {
  if (r.pos !== r.len) throw new RangeError(`a field runs past the end of its message (${r.len})`);
  r.len = outer;
}

function text(r: Reader): string {
  const start = take(r);
  return view.utf8Slice(start, r.pos);
}

/** fixed64 nanoseconds, unsigned and exact. */
function nanos(r: Reader): bigint {
  const low = r.fixed32();
  return BigInt(r.fixed32()) * 4294967296n + BigInt(low);
}

/** int64ToValue for the Long: a number when exact, else signed decimal text. */
function int64(r: Reader): number | string {
  const { low, high } = r.int64();
  const value = high * 4294967296 + (low >>> 0); // rounded once, as Number(bigint) is: same isSafeInteger answer
  return Number.isSafeInteger(value) ? value : ((BigInt(high) << 32n) | BigInt(low >>> 0)).toString();
}

/** Skips an unknown field as protobufjs does; a declared field with another wire type is an error. */
function skip(r: Reader, t: number, declared: number, depth: number): void {
  const field = t >>> 3;
  if (field < 32 && (declared >>> field) & 1) throw new Error(`field ${field} has wire type ${t & 7}, which its type cannot have`);
  r.skipType(t & 7, depth);
}

/** One KeyValue into `out`: a later duplicate key wins and a missing value is null (keyValuesToObject). */
function keyValue(r: Reader, out: OtlpAttributes, level: number, depth: number): void {
  const outer = enter(r, depth);
  let key = "",
    value: OtlpValue = null;
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((1 << 3) | 2)) key = text(r);
    else if (t === ((2 << 3) | 2)) value = anyValue(r, level, depth + 1);
    else skip(r, t, known(2), depth);
  }
  leave(r, outer);
  out[key] = value; // plain assignment, as keyValuesToObject does (even for "__proto__")
}

/**
 * AnyValue. protobufjs keeps every oneof member that was sent (it clears none) and anyValueToJs then
 * takes the first present in the order string, bool, int, double, array, kvlist, bytes, which is the
 * field number: so the lowest field number wins whatever the wire order, and a repeat of it replaces it.
 */
function anyValue(r: Reader, level: number, depth: number): OtlpValue {
  if (level > DEEPEST_VALUE) throw new OtlpShapeError(`attribute value nested deeper than ${DEEPEST_VALUE} levels`);
  const outer = enter(r, depth);
  let best = 8,
    value: OtlpValue = null;
  while (r.pos < r.len) {
    const t = r.uint32(),
      field = t >>> 3;
    let next: OtlpValue = null;
    switch (t) {
      case (1 << 3) | 2:
        next = text(r);
        break;
      case (2 << 3) | 0:
        next = r.bool();
        break;
      case (3 << 3) | 0:
        next = int64(r);
        break;
      case (4 << 3) | 1:
        next = r.double();
        break;
      case (5 << 3) | 2:
      case (6 << 3) | 2: // decoded only when it can still win
        if (field > best) take(r);
        else next = list(r, field === 6, level + 1, depth + 1);
        break;
      case (7 << 3) | 2:
        next = view.base64Slice(take(r), r.pos);
        break;
      default:
        skip(r, t, known(7), depth);
        continue;
    }
    if (field <= best) {
      best = field;
      value = next;
    }
  }
  leave(r, outer);
  return value;
}

/** ArrayValue or KeyValueList (both: repeated field 1). */
function list(r: Reader, kv: boolean, level: number, depth: number): OtlpValue[] | OtlpAttributes {
  const outer = enter(r, depth),
    out: OtlpValue[] | OtlpAttributes = kv ? {} : [];
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t !== ((1 << 3) | 2)) skip(r, t, known(1), depth);
    else if (Array.isArray(out)) out.push(anyValue(r, level, depth + 1));
    else keyValue(r, out, level, depth + 1);
  }
  leave(r, outer);
  return out;
}

/** Resource: only its attributes are output. */
function resource(r: Reader): OtlpAttributes {
  const outer = enter(r, 2),
    attributes: OtlpAttributes = {};
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((1 << 3) | 2)) keyValue(r, attributes, 0, 3);
    else if (t === ((2 << 3) | 0)) r.uint32();
    else skip(r, t, known(2), 2);
  }
  leave(r, outer);
  return attributes;
}

/** InstrumentationScope: its name and version are output. */
function scope(r: Reader): { name: string; version: string } {
  const outer = enter(r, 3);
  let name = "",
    version = "";
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((1 << 3) | 2)) name = text(r);
    else if (t === ((2 << 3) | 2)) version = text(r);
    else if (t === ((3 << 3) | 2))
      take(r); // attributes
    else if (t === ((4 << 3) | 0)) r.uint32();
    else skip(r, t, known(4), 3);
  }
  leave(r, outer);
  return { name, version };
}

function event(r: Reader): OtlpEvent {
  const outer = enter(r, 4),
    attributes: OtlpAttributes = {};
  let timeUnixNano = 0n,
    name = "";
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((1 << 3) | 1)) timeUnixNano = nanos(r);
    else if (t === ((2 << 3) | 2)) name = text(r);
    else if (t === ((3 << 3) | 2)) keyValue(r, attributes, 0, 5);
    else if (t === ((4 << 3) | 0)) r.uint32();
    else skip(r, t, known(4), 4);
  }
  leave(r, outer);
  return { timeUnixNano, name, attributes };
}

function link(r: Reader): OtlpLink {
  const outer = enter(r, 4),
    attributes: OtlpAttributes = {};
  let traceId = "",
    spanId = "";
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((1 << 3) | 2)) traceId = view.hexSlice(take(r), r.pos);
    else if (t === ((2 << 3) | 2)) spanId = view.hexSlice(take(r), r.pos);
    else if (t === ((3 << 3) | 2)) take(r);
    else if (t === ((4 << 3) | 2)) keyValue(r, attributes, 0, 5);
    else if (t === ((5 << 3) | 0)) r.uint32();
    else if (t === ((6 << 3) | 5)) r.fixed32();
    else skip(r, t, known(6), 4);
  }
  leave(r, outer);
  return { traceId, spanId, attributes };
}

function span(r: Reader): OtlpSpan {
  const outer = enter(r, 3),
    attributes: OtlpAttributes = {},
    events: OtlpEvent[] = [],
    links: OtlpLink[] = [];
  let traceId = "",
    spanId = "",
    parentSpanId = "",
    name = "",
    kind = 0,
    statusCode = 0,
    statusMessage = "";
  let startTimeUnixNano = 0n,
    endTimeUnixNano = 0n;
  while (r.pos < r.len) {
    const t = r.uint32();
    switch (t) {
      case (1 << 3) | 2:
        traceId = view.hexSlice(take(r), r.pos);
        break;
      case (2 << 3) | 2:
        spanId = view.hexSlice(take(r), r.pos);
        break;
      case (4 << 3) | 2:
        parentSpanId = view.hexSlice(take(r), r.pos);
        break;
      case (5 << 3) | 2:
        name = text(r);
        break;
      case (6 << 3) | 0:
        kind = r.int32();
        break;
      case (7 << 3) | 1:
        startTimeUnixNano = nanos(r);
        break;
      case (8 << 3) | 1:
        endTimeUnixNano = nanos(r);
        break;
      case (9 << 3) | 2:
        keyValue(r, attributes, 0, 4);
        break;
      case (11 << 3) | 2:
        events.push(event(r));
        break;
      case (13 << 3) | 2:
        links.push(link(r));
        break;
      case (15 << 3) | 2: {
        // Status {reserved 1; 2 message; 3 code}: a repeat replaces it whole, as in protobufjs
        const inner = enter(r, 4);
        statusCode = 0;
        statusMessage = "";
        while (r.pos < r.len) {
          const s = r.uint32();
          if (s === ((2 << 3) | 2)) statusMessage = text(r);
          else if (s === ((3 << 3) | 0)) statusCode = r.int32();
          else skip(r, s, known(3) - 2, 4);
        }
        leave(r, inner);
        break;
      }
      case (3 << 3) | 2:
        take(r);
        break; // trace_state
      case (10 << 3) | 0:
      case (12 << 3) | 0:
      case (14 << 3) | 0:
        r.uint32();
        break; // dropped counts
      case (16 << 3) | 5:
        r.fixed32();
        break; // flags
      default:
        skip(r, t, known(16), 3);
    }
  }
  leave(r, outer);
  return { traceId, spanId, parentSpanId, name, kind, startTimeUnixNano, endTimeUnixNano, attributes, events, links, statusCode, statusMessage };
}

// In both groupings a repeated resource or scope replaces the earlier one, as in protobufjs (which does not
// merge repeated embedded messages as the protobuf spec says; no SDK sends them twice anyway).
function scopeSpans(r: Reader): OtlpScopeSpans {
  const outer = enter(r, 2),
    spans: OtlpSpan[] = [];
  let name = "",
    version = "";
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((2 << 3) | 2)) spans.push(span(r));
    else if (t === ((1 << 3) | 2)) ({ name, version } = scope(r));
    else if (t === ((3 << 3) | 2))
      take(r); // schema_url
    else skip(r, t, known(3), 2);
  }
  leave(r, outer);
  return { scopeName: name, ...(version ? { scopeVersion: version } : {}), spans };
}

function resourceSpans(r: Reader): OtlpResourceSpans {
  const outer = enter(r, 1),
    scopes: OtlpScopeSpans[] = [];
  let attributes: OtlpAttributes = {};
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((2 << 3) | 2)) scopes.push(scopeSpans(r));
    else if (t === ((1 << 3) | 2)) attributes = resource(r);
    else if (t === ((3 << 3) | 2))
      take(r); // schema_url
    else skip(r, t, known(3), 1);
  }
  leave(r, outer);
  return { resource: attributes, scopeSpans: scopes };
}

/** A protobuf ExportTraceServiceRequest body; throws OtlpShapeError (a sender-facing message) when malformed. */
export function decodeTraceRequestProtobuf(bytes: Uint8Array): OtlpTraceRequest {
  view = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Buffer & Slices;
  const r = protobuf.Reader.create(bytes),
    out: OtlpResourceSpans[] = [];
  try {
    while (r.pos < r.len) {
      const t = r.uint32();
      if (t === ((1 << 3) | 2)) out.push(resourceSpans(r));
      else skip(r, t, known(1), 0);
    }
    return { resourceSpans: out };
  } catch (error) {
    if (error instanceof OtlpShapeError) throw error;
    throw new OtlpShapeError(PREFIX + (error instanceof Error ? error.message : String(error)));
  } finally {
    view = EMPTY; // do not keep the last body alive
  }
}
