// Log records of a span carried inside a trace export. Content some instrumentations send only as OTLP log
// events (GenAI prompts and completions on /v1/logs) has no place in an ExportTraceServiceRequest, so the
// OTLP/JSON export writes each such record as a span event marked LOG_RECORD, and /v1/traces lifts marked
// events back out into log records: re-posting an export stores the same span logs, hence the same input,
// output and events through the read API. Other OpenTelemetry backends see ordinary span events. Pure.
import type { OtlpEvent, OtlpLogRecord, OtlpLogsRequest, OtlpTraceRequest } from "./otlp-types";

/** Event attribute marking a span event as an exported log record. */
export const LOG_RECORD = "hindsight.log.record";
/** Event attribute holding the log record's body (absent when the record had none). */
export const LOG_BODY = "hindsight.log.body";

/** A stored log record as the span event the export writes. */
export function logAsSpanEvent(log: { eventName: string; timeNs: string; body: unknown; attributes: Record<string, unknown> }) {
  return {
    name: log.eventName,
    timeNs: log.timeNs,
    attributes: { ...log.attributes, [LOG_RECORD]: true, ...(log.body === null || log.body === undefined ? {} : { [LOG_BODY]: log.body }) },
  };
}

function toLogRecord(event: OtlpEvent, traceId: string, spanId: string): OtlpLogRecord {
  const { [LOG_RECORD]: _marker, [LOG_BODY]: body, ...attributes } = event.attributes;
  return {
    timeUnixNano: event.timeUnixNano,
    observedTimeUnixNano: event.timeUnixNano,
    eventName: event.name,
    body: body ?? null,
    attributes,
    traceId,
    spanId,
  };
}

/**
 * Splits marked events off the request's spans (in place: they are not span events) and returns them as
 * a logs request, or null when the request carries none (the common case costs one scan of the events).
 */
export function liftExportedLogs(request: OtlpTraceRequest): OtlpLogsRequest | null {
  let lifted: OtlpLogsRequest | null = null;
  for (const resourceSpans of request.resourceSpans) {
    const records: OtlpLogRecord[] = [];
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans) {
        if (!span.events.some((e) => e.attributes[LOG_RECORD] === true)) continue;
        for (const event of span.events) if (event.attributes[LOG_RECORD] === true) records.push(toLogRecord(event, span.traceId, span.spanId));
        span.events = span.events.filter((e) => e.attributes[LOG_RECORD] !== true);
      }
    }
    if (records.length > 0) (lifted ??= { resourceLogs: [] }).resourceLogs.push({ resource: resourceSpans.resource, logRecords: records });
  }
  return lifted;
}
