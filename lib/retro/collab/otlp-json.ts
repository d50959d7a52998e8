// One stored trace as an OTLP/JSON ExportTraceServiceRequest: what any OpenTelemetry backend (and our own
// /v1/traces) accepts. Times keep their nanoseconds, attributes their values as sent, spans their
// resource and instrumentation scope, so re-posting the export recreates the same spans.

/** A span as stored, in the units OTLP speaks (nanosecond times as decimal text). */
export type ExportableSpan = {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  spanKind: number;
  scopeName: string | null;
  resourceKey: string;
  startNs: string;
  endNs: string;
  status: "ok" | "error" | "unset";
  statusMessage: string | null;
  attributes: Record<string, unknown>;
  events: { name: string; timeNs: string; attributes: Record<string, unknown> }[];
  links: { traceId: string; spanId: string; attributes?: Record<string, unknown> }[];
};

type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: AnyValue[] } }
  | { kvlistValue: { values: KeyValue[] } };
type KeyValue = { key: string; value: AnyValue };

/** A stored (JSON) attribute value as an OTLP AnyValue; integers travel as int64 text, as OTLP/JSON does. */
export function toAnyValue(value: unknown): AnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (typeof value === "bigint") return { intValue: value.toString() };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
  if (value !== null && typeof value === "object") return { kvlistValue: { values: toKeyValues(value as Record<string, unknown>) } };
  return { stringValue: "" };
}

export const toKeyValues = (values: Record<string, unknown>): KeyValue[] => Object.entries(values).map(([key, value]) => ({ key, value: toAnyValue(value) }));

const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

function toOtlpSpan(span: ExportableSpan) {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: span.spanKind,
    startTimeUnixNano: span.startNs,
    endTimeUnixNano: span.endNs,
    attributes: toKeyValues(span.attributes),
    events: span.events.map((e) => ({ name: e.name, timeUnixNano: e.timeNs, attributes: toKeyValues(e.attributes) })),
    links: span.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, attributes: toKeyValues(l.attributes ?? {}) })),
    status: { code: STATUS_CODE[span.status], ...(span.statusMessage ? { message: span.statusMessage } : {}) },
  };
}

/** Spans grouped by resource, then by instrumentation scope, in the order given. */
export function buildOtlpJson(spans: readonly ExportableSpan[], resources: ReadonlyMap<string, Record<string, unknown>>) {
  const byResource = new Map<string, Map<string, ExportableSpan[]>>();
  for (const span of spans) {
    const scopes = byResource.get(span.resourceKey) ?? new Map<string, ExportableSpan[]>();
    const key = span.scopeName ?? "";
    scopes.set(key, [...(scopes.get(key) ?? []), span]);
    byResource.set(span.resourceKey, scopes);
  }
  return {
    resourceSpans: [...byResource].map(([resourceKey, scopes]) => ({
      resource: { attributes: toKeyValues(resources.get(resourceKey) ?? {}) },
      scopeSpans: [...scopes].map(([scopeName, list]) => ({ scope: { name: scopeName }, spans: list.map(toOtlpSpan) })),
    })),
  };
}
