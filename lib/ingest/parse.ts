// Turns a decoded body (protobuf message or OTLP/JSON object) into the typed request of otlp-types.ts.
// protobufjs produces the same lowerCamelCase field names as OTLP/JSON, so one walker serves both;
// only ids (bytes vs hex text) and int64 (Long vs string/number) differ, and the helpers below absorb that.
// Protobuf trace bodies, the ingest hot path, skip the message objects: otlp-trace-decoder.ts reads
// them straight into the same shape (tested equal to decode + toTraceRequest).
//
// Why requests are rejected whole (400) rather than span by span: a body whose structure is wrong
// (resourceSpans not a list, a span that is not an object, a timestamp that is not an integer) means the
// sender is broken, and storing a guessed part of it would hide that. Spans that are well-formed but
// carry bad ids are rejected one by one instead (see normalise.ts) and reported in partialSuccess.
import protobuf from "protobufjs";
import { keyValuesToObject, anyValueToJs } from "./attributes";
import { OTLP_PROTO } from "./otlp-schema";
import { decodeTraceRequestProtobuf } from "./otlp-trace-decoder";
import { OtlpShapeError, type OtlpEvent, type OtlpLink, type OtlpLogRecord, type OtlpLogsRequest, type OtlpSpan, type OtlpTraceRequest } from "./otlp-types";

type Json = Record<string, unknown>;
const root = protobuf.parse(OTLP_PROTO).root;
const LogsRequest = root.lookupType("hindsight.otlp.ExportLogsServiceRequest");
export const TraceResponse = root.lookupType("hindsight.otlp.ExportTraceServiceResponse");
export const LogsResponse = root.lookupType("hindsight.otlp.ExportLogsServiceResponse");
export const RpcStatus = root.lookupType("hindsight.otlp.RpcStatus");

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function list(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OtlpShapeError(`${what} must be an array`);
  return value;
}

function record(value: unknown, what: string): Json {
  if (!isRecord(value)) throw new OtlpShapeError(`${what} must be an object`);
  return value;
}

/** Ids: bytes from protobuf become hex; JSON already carries hex (validated later, span by span). */
function idToText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex");
  // protobufjs leaves an absent bytes field as its default, an empty array.
  if (Array.isArray(value) && value.length === 0) return "";
  throw new OtlpShapeError("ids must be hex strings (JSON) or bytes (protobuf)");
}

/** fixed64 nanoseconds: Long {low, high} from protobuf, string or number from JSON. */
function nanos(value: unknown, what: string): bigint {
  if (value === undefined || value === null || value === "") return 0n;
  if (typeof value === "bigint") return value;
  if (typeof value === "string") {
    if (!/^\d+$/.test(value)) throw new OtlpShapeError(`${what} "${value.slice(0, 40)}" is not an unsigned integer`);
    return BigInt(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new OtlpShapeError(`${what} must be a non-negative integer`);
    return BigInt(Math.round(value));
  }
  if (isRecord(value) && typeof value.low === "number" && typeof value.high === "number") {
    return (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  }
  throw new OtlpShapeError(`${what} must be an integer`);
}

function int(value: unknown, what: string): number {
  if (value === undefined || value === null) return 0;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n)) throw new OtlpShapeError(`${what} must be an integer`);
  return n;
}

function text(value: unknown, what: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new OtlpShapeError(`${what} must be a string`);
  return value;
}

function toSpan(raw: unknown): OtlpSpan {
  const span = record(raw, "span");
  const status = span.status === undefined || span.status === null ? {} : record(span.status, "span.status");
  const events: OtlpEvent[] = list(span.events, "span.events").map((e) => {
    const event = record(e, "span event");
    return {
      timeUnixNano: nanos(event.timeUnixNano, "event.timeUnixNano"),
      name: text(event.name, "event.name"),
      attributes: keyValuesToObject(event.attributes),
    };
  });
  const links: OtlpLink[] = list(span.links, "span.links").map((l) => {
    const link = record(l, "span link");
    return { traceId: idToText(link.traceId), spanId: idToText(link.spanId), attributes: keyValuesToObject(link.attributes) };
  });
  return {
    traceId: idToText(span.traceId),
    spanId: idToText(span.spanId),
    parentSpanId: idToText(span.parentSpanId),
    name: text(span.name, "span.name"),
    kind: int(span.kind, "span.kind"),
    startTimeUnixNano: nanos(span.startTimeUnixNano, "span.startTimeUnixNano"),
    endTimeUnixNano: nanos(span.endTimeUnixNano, "span.endTimeUnixNano"),
    attributes: keyValuesToObject(span.attributes),
    events,
    links,
    statusCode: int(status.code, "span.status.code"),
    statusMessage: text(status.message, "span.status.message"),
  };
}

function resourceAttributes(value: unknown) {
  if (value === undefined || value === null) return {};
  return keyValuesToObject(record(value, "resource").attributes);
}

/** Any decoded ExportTraceServiceRequest (protobuf message or parsed JSON) to the typed request. */
export function toTraceRequest(body: unknown): OtlpTraceRequest {
  const request = record(body, "request body");
  return {
    resourceSpans: list(request.resourceSpans, "resourceSpans").map((rs) => {
      const resourceSpans = record(rs, "resourceSpans[]");
      return {
        resource: resourceAttributes(resourceSpans.resource),
        scopeSpans: list(resourceSpans.scopeSpans, "scopeSpans").map((ss) => {
          const scopeSpans = record(ss, "scopeSpans[]");
          const scope = isRecord(scopeSpans.scope) ? scopeSpans.scope : {};
          const scopeVersion = text(scope.version, "scope.version");
          return { scopeName: text(scope.name, "scope.name"), ...(scopeVersion ? { scopeVersion } : {}), spans: list(scopeSpans.spans, "spans").map(toSpan) };
        }),
      };
    }),
  };
}

function toLogRecord(raw: unknown): OtlpLogRecord {
  const log = record(raw, "logRecord");
  return {
    timeUnixNano: nanos(log.timeUnixNano, "logRecord.timeUnixNano"),
    observedTimeUnixNano: nanos(log.observedTimeUnixNano, "logRecord.observedTimeUnixNano"),
    eventName: text(log.eventName, "logRecord.eventName"),
    body: log.body === undefined || log.body === null ? null : anyValueToJs(log.body),
    attributes: keyValuesToObject(log.attributes),
    traceId: idToText(log.traceId),
    spanId: idToText(log.spanId),
  };
}

/** Any decoded ExportLogsServiceRequest to the typed request. */
export function toLogsRequest(body: unknown): OtlpLogsRequest {
  const request = record(body, "request body");
  return {
    resourceLogs: list(request.resourceLogs, "resourceLogs").map((rl) => {
      const resourceLogs = record(rl, "resourceLogs[]");
      const logRecords = list(resourceLogs.scopeLogs, "scopeLogs").flatMap((sl) => list(record(sl, "scopeLogs[]").logRecords, "logRecords").map(toLogRecord));
      return { resource: resourceAttributes(resourceLogs.resource), logRecords };
    }),
  };
}

function decodeProtobuf(type: protobuf.Type, bytes: Uint8Array): unknown {
  try {
    return type.decode(bytes);
  } catch (error) {
    throw new OtlpShapeError(`body is not a valid protobuf ${type.name}: ${(error as Error).message}`);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch (error) {
    throw new OtlpShapeError(`body is not valid JSON: ${(error as Error).message}`);
  }
}

export type BodyFormat = "protobuf" | "json";

/** Parses an OTLP trace export body. Throws OtlpShapeError with a sender-facing message. */
export function parseTraceRequest(bytes: Uint8Array, format: BodyFormat): OtlpTraceRequest {
  // Protobuf, the hot path, is read straight into our shape (same output as decode + toTraceRequest).
  return format === "protobuf" ? decodeTraceRequestProtobuf(bytes) : toTraceRequest(parseJson(bytes));
}

/** Parses an OTLP logs export body. Throws OtlpShapeError with a sender-facing message. */
export function parseLogsRequest(bytes: Uint8Array, format: BodyFormat): OtlpLogsRequest {
  return toLogsRequest(format === "protobuf" ? decodeProtobuf(LogsRequest, bytes) : parseJson(bytes));
}
