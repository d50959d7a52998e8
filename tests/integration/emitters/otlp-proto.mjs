// Decodes OTLP/HTTP protobuf bodies into the OTLP/JSON encoding (hex ids, int64 as strings, enums as
// ints), so captured payloads and fixtures look exactly like what a JSON exporter would send.
// The schema is a trimmed copy of opentelemetry-proto v1.x (common, resource, trace, logs): only the
// fields the exporters fill. Field numbers are the wire contract; names follow the upstream files.
import protobuf from "protobufjs";

const PROTO = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message InstrumentationScope {
  string name = 1; string version = 2; repeated KeyValue attributes = 3; uint32 dropped_attributes_count = 4;
}
message Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; string schema_url = 3; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; string schema_url = 3; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; fixed32 flags = 16;
  string name = 5; int32 kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; uint32 dropped_attributes_count = 10;
  repeated Event events = 11; uint32 dropped_events_count = 12;
  repeated Link links = 13; uint32 dropped_links_count = 14; Status status = 15;
  message Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; uint32 dropped_attributes_count = 4; }
  message Link {
    bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; repeated KeyValue attributes = 4;
    uint32 dropped_attributes_count = 5; fixed32 flags = 6;
  }
}
message Status { string message = 2; int32 code = 3; }
message ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }
message ResourceLogs { Resource resource = 1; repeated ScopeLogs scope_logs = 2; string schema_url = 3; }
message ScopeLogs { InstrumentationScope scope = 1; repeated LogRecord log_records = 2; string schema_url = 3; }
message LogRecord {
  fixed64 time_unix_nano = 1; fixed64 observed_time_unix_nano = 11; int32 severity_number = 2;
  string severity_text = 3; AnyValue body = 5; repeated KeyValue attributes = 6;
  uint32 dropped_attributes_count = 7; fixed32 flags = 8; bytes trace_id = 9; bytes span_id = 10;
  string event_name = 12;
}
`;

const root = protobuf.parse(PROTO).root;
const TYPES = {
  traces: root.lookupType("otlp.ExportTraceServiceRequest"),
  logs: root.lookupType("otlp.ExportLogsServiceRequest"),
};

const ID_FIELDS = new Set(["traceId", "spanId", "parentSpanId"]);

/** Converts protobufjs base64 ids to the hex the OTLP/JSON encoding uses; everything else is kept. */
function hexIds(value) {
  if (Array.isArray(value)) return value.map(hexIds);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = ID_FIELDS.has(key) && typeof v === "string" ? Buffer.from(v, "base64").toString("hex") : hexIds(v);
  }
  return out;
}

/** @param {"traces"|"logs"} signal @param {Uint8Array} bytes */
export function decodeOtlpProtobuf(signal, bytes) {
  const type = TYPES[signal];
  const message = type.decode(bytes);
  const object = type.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false, arrays: false });
  return hexIds(object);
}

/** @param {"traces"|"logs"} signal @param {unknown} json OTLP/JSON request */
export function encodeOtlpProtobuf(signal, json) {
  const type = TYPES[signal];
  const withBase64 = JSON.parse(JSON.stringify(json), (key, v) => (ID_FIELDS.has(key) && typeof v === "string" ? Buffer.from(v, "hex").toString("base64") : v));
  return type.encode(type.fromObject(withBase64)).finish();
}
