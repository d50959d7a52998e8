// OTLP log records → span_logs rows. GenAI instrumentations (semconv v1.28–1.36, e.g. the official
// @opentelemetry/instrumentation-openai) send prompts and completions only as log events that carry
// the span's ids; they are stored as they come and joined to their span at read time
// (lib/data/traces/genai-log-events.ts), so it does not matter whether the span or its logs arrive first.
import { createHash } from "node:crypto";
import { MAX_TIME_NS, ZERO_SPAN, ZERO_TRACE, normaliseId } from "./normalise";
import type { OtlpLogsRequest } from "./otlp-types";

export type SpanLogRecord = {
  dedupeKey: string;
  traceId: string;
  spanId: string;
  eventName: string;
  timeNs: bigint;
  body: string | null;
  attributes: string;
};

export type NormalisedLogs = { logs: SpanLogRecord[]; rejected: number; errors: string[] };

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** Keeps log records that belong to a span; others are reported as rejected (Hindsight stores traces). */
export function normaliseLogsRequest(request: OtlpLogsRequest): NormalisedLogs {
  const out: NormalisedLogs = { logs: [], rejected: 0, errors: [] };
  const seen = new Map<string, number>();
  for (const resourceLogs of request.resourceLogs) {
    for (const record of resourceLogs.logRecords) {
      const traceId = record.traceId ? normaliseId(record.traceId, 16) : null;
      const spanId = record.spanId ? normaliseId(record.spanId, 8) : null;
      // All-zero ids mean "no span" in OTLP (SDKs send them for logs written outside a span).
      if (!traceId || !spanId || traceId === ZERO_TRACE || spanId === ZERO_SPAN) {
        out.rejected++;
        if (out.errors.length === 0) out.errors.push("log records without a valid traceId and spanId are not stored");
        continue;
      }
      const timeNs = record.timeUnixNano || record.observedTimeUnixNano;
      if (timeNs > MAX_TIME_NS) {
        out.rejected++;
        if (out.errors.length < 5) out.errors.push("log records timed after the year 2262 are not stored");
        continue;
      }
      const eventName = record.eventName || (typeof record.attributes["event.name"] === "string" ? record.attributes["event.name"] : "log");
      const body = record.body === null ? null : json(record.body);
      const attributes = json(record.attributes);
      // Identical records inside one request (same message twice) are kept apart by their ordinal;
      // re-sending the same request maps them to the same keys again, so it is stored once.
      const content = [traceId, spanId, eventName, timeNs.toString(), body, attributes].join("\u0000");
      const ordinal = seen.get(content) ?? 0;
      seen.set(content, ordinal + 1);
      const dedupeKey = createHash("sha1").update(`${content}\u0000${ordinal}`).digest("hex");
      out.logs.push({ dedupeKey, traceId, spanId, eventName, timeNs, body, attributes });
    }
  }
  return out;
}
