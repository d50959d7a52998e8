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
} from "./otlp-types";
import { keyValue } from "./otlp-wire-values";
import { enter, hex, known, leave, nanos, skip, take, text, withBody, type Reader } from "./otlp-wire";

const PREFIX = "body is not a valid protobuf ExportTraceServiceRequest: "; // as parse.ts words it

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
    if (t === ((1 << 3) | 2)) traceId = hex(r);
    else if (t === ((2 << 3) | 2)) spanId = hex(r);
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
        traceId = hex(r);
        break;
      case (2 << 3) | 2:
        spanId = hex(r);
        break;
      case (4 << 3) | 2:
        parentSpanId = hex(r);
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
  const r = protobuf.Reader.create(bytes),
    out: OtlpResourceSpans[] = [];
  try {
    return withBody(bytes, () => {
      while (r.pos < r.len) {
        const t = r.uint32();
        if (t === ((1 << 3) | 2)) out.push(resourceSpans(r));
        else skip(r, t, known(1), 0);
      }
      return { resourceSpans: out };
    });
  } catch (error) {
    if (error instanceof OtlpShapeError) throw error;
    throw new OtlpShapeError(PREFIX + (error instanceof Error ? error.message : String(error)));
  }
}
