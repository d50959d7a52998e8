// Wire types after decoding: protobuf and OTLP/JSON both become these, so everything downstream
// handles one shape. Ids are still raw (bytes or strings) here; normalise.ts validates them.

export type OtlpValue = string | number | boolean | null | OtlpValue[] | { [key: string]: OtlpValue };
export type OtlpAttributes = Record<string, OtlpValue>;

export type OtlpEvent = { timeUnixNano: bigint; name: string; attributes: OtlpAttributes };
export type OtlpLink = { traceId: string; spanId: string; attributes: OtlpAttributes };

export type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: OtlpAttributes;
  events: OtlpEvent[];
  links: OtlpLink[];
  statusCode: number;
  statusMessage: string;
};

/** `scopeVersion` only when the sender gave one: how an instrumentation counts tokens can depend on its version. */
export type OtlpScopeSpans = { scopeName: string; scopeVersion?: string; spans: OtlpSpan[] };
export type OtlpResourceSpans = { resource: OtlpAttributes; scopeSpans: OtlpScopeSpans[] };
export type OtlpTraceRequest = { resourceSpans: OtlpResourceSpans[] };

export type OtlpLogRecord = {
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  eventName: string;
  body: OtlpValue;
  attributes: OtlpAttributes;
  traceId: string;
  spanId: string;
};
export type OtlpLogsRequest = { resourceLogs: { resource: OtlpAttributes; logRecords: OtlpLogRecord[] }[] };

/** Thrown by the parsers when the body is not a valid OTLP request; the message is shown to the sender. */
export class OtlpShapeError extends Error {}

/** The instrumentation library that made a span (OTLP InstrumentationScope name and version). */
export type InstrumentationScope = { name: string; version: string | null };
