// Resource spans → SpanRecord[]: validates ids, converts times, maps GenAI dialects to one set of fields
// (the conventions in normalise-*.ts, each library's departures in dialects/) and prices each LLM call.
// Pure: no I/O.
//
// Spans with bad ids or timestamps are rejected one by one (counted in partialSuccess); the rest of the
// request is still stored, as the OTLP spec asks.
import { createHash } from "node:crypto";
import type { Status } from "@/lib/trace/types";
import { computeCost, type PriceBook } from "@/lib/pricing/compute";
import type { OtlpAttributes, OtlpEvent, OtlpSpan, OtlpTraceRequest } from "./otlp-types";
import { findDialect, inputAccountingOf, type Dialect, type DialectSpan, type Scope } from "./dialects";
import { detectKind } from "./normalise-kind";
import { readIdentity } from "./normalise-identity";
import { RawText, readInputSource, readOutputSource } from "./normalise-content";
import { readUsage } from "./normalise-usage";
import { isApprovalSpan, readGovernanceFacts } from "./governance-facts";
import { readGraphHint, readMcpServer } from "./normalise-graph";
import type { ResourceRecord, SpanRecord } from "./span-record";

export type NormalisedBatch = { spans: SpanRecord[]; resources: ResourceRecord[]; rejected: number; errors: string[] };

const HEX_TRACE = /^[0-9a-f]{32}$/;
const HEX_SPAN = /^[0-9a-f]{16}$/;
export const ZERO_TRACE = "0".repeat(32);
export const ZERO_SPAN = "0".repeat(16);
/** Times are stored as signed 64-bit nanoseconds (until 2262); OTLP's unsigned fixed64 and JSON's decimal text go further. */
export const MAX_TIME_NS = 2n ** 63n - 1n;

/** OTLP/JSON must carry hex ids, but some senders use base64: accept both when the length fits. */
export function normaliseId(raw: string, bytes: 8 | 16): string | null {
  const lower = raw.toLowerCase();
  if ((bytes === 16 ? HEX_TRACE : HEX_SPAN).test(lower)) return lower;
  if (raw.length === (bytes === 16 ? 24 : 12) && /^[A-Za-z0-9+/]+=*$/.test(raw)) {
    const decoded = Buffer.from(raw, "base64");
    if (decoded.length === bytes) return decoded.toString("hex");
  }
  return null;
}

// No bigint can reach here (event times are converted to text first), so no replacer: it costs ~4 µs a span.
const json = (value: unknown) => JSON.stringify(value);

function statusOf(span: OtlpSpan): { status: Status; message: string | null } {
  const exception = span.events.find((e) => e.name === "exception");
  const exceptionText = exception
    ? [exception.attributes["exception.type"], exception.attributes["exception.message"]].filter(Boolean).join(": ") || null
    : null;
  const errorType = typeof span.attributes["error.type"] === "string" ? span.attributes["error.type"] : null;
  const langfuseError = span.attributes["langfuse.observation.level"] === "ERROR";
  const message =
    span.statusMessage || exceptionText || (langfuseError ? ((span.attributes["langfuse.observation.status_message"] as string) ?? null) : null) || errorType;
  if (span.statusCode === 2 || (span.statusCode !== 1 && (errorType || exception || langfuseError))) return { status: "error", message };
  return { status: span.statusCode === 1 ? "ok" : "unset", message: span.statusMessage || null };
}

function eventsJson(events: OtlpEvent[]): string {
  return json(events.map((e) => ({ name: e.name, timeNs: e.timeUnixNano.toString(), attributes: e.attributes })));
}

const nsToMs = (ns: bigint) => Number(ns / 1000n) / 1000;

/** Stored input/output: attribute text verbatim, structured values as JSON (see RawText). */
const toStoredText = (value: unknown) => (value === undefined ? null : value instanceof RawText ? value.text : json(value));

/** The generic reading with the span's dialect (lib/ingest/dialects) applied over it. */
function readSpan(view: DialectSpan, dialect: Dialect | undefined) {
  const { attrs, events } = view;
  // An approval decision outranks every dialect: the span is a human wait, never a tool or LLM call.
  const kind = isApprovalSpan(attrs) ? "approval" : (dialect?.kind?.(view) ?? detectKind(attrs));
  const generic = readIdentity(attrs, kind, view.name);
  const identity = { ...generic, ...dialect?.identity?.(view, kind, generic) };
  const usage = { ...readUsage(attrs, inputAccountingOf(view.scope)), ...dialect?.usage?.(view, kind) };
  const input = dialect?.input?.(view, kind) ?? readInputSource(attrs, events);
  const output = dialect?.output?.(view, kind) ?? readOutputSource(attrs, events);
  return { kind, identity, usage, input, output };
}

function toRecord(
  span: OtlpSpan,
  resource: { id: string; attributes: OtlpAttributes },
  view: DialectSpan,
  dialect: Dialect | undefined,
  prices: PriceBook,
): SpanRecord | string {
  const traceId = normaliseId(span.traceId, 16);
  const spanId = normaliseId(span.spanId, 8);
  if (!traceId || traceId === ZERO_TRACE) return `span "${span.name}": traceId "${span.traceId.slice(0, 40)}" is not 16 bytes of hex`;
  if (!spanId || spanId === ZERO_SPAN) return `span "${span.name}": spanId "${span.spanId.slice(0, 40)}" is not 8 bytes of hex`;
  const parentSpanId = span.parentSpanId ? normaliseId(span.parentSpanId, 8) : null;
  if (span.parentSpanId && !parentSpanId) return `span "${span.name}": parentSpanId "${span.parentSpanId.slice(0, 40)}" is not 8 bytes of hex`;
  if (span.startTimeUnixNano === 0n) return `span "${span.name}": startTimeUnixNano is missing`;
  if (span.startTimeUnixNano > MAX_TIME_NS || span.endTimeUnixNano > MAX_TIME_NS) return `span "${span.name}": a timestamp is after the year 2262`;
  const endNs = span.endTimeUnixNano < span.startTimeUnixNano ? span.startTimeUnixNano : span.endTimeUnixNano;

  const attrs = span.attributes;
  const { kind, identity, usage, input, output } = readSpan(view, dialect);
  const { status, message } = statusOf(span);
  const cost =
    usage.reportedCostUsd !== null ? { costUsd: usage.reportedCostUsd, costSource: "reported" as const } : computeCost(prices, identity.model, kind, usage);
  const serviceName = typeof resource.attributes["service.name"] === "string" ? resource.attributes["service.name"] : null;
  const governance = readGovernanceFacts(attrs, kind, span.kind, serviceName);
  const name = span.name || "(unnamed span)";

  return {
    traceId,
    spanId,
    parentSpanId: parentSpanId === ZERO_SPAN ? null : parentSpanId,
    name,
    kind,
    spanKind: span.kind,
    serviceName,
    scopeName: view.scope.name || null,
    resourceId: resource.id,
    startNs: span.startTimeUnixNano,
    endNs,
    durationMs: nsToMs(endNs - span.startTimeUnixNano),
    status,
    statusMessage: message,
    ...identity,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cacheReadTokens: usage.cacheReadTokens,
    cacheWriteTokens: usage.cacheWriteTokens,
    reasoningTokens: usage.reasoningTokens,
    ...cost,
    input: toStoredText(input),
    output: toStoredText(output),
    attributes: json(attrs),
    events: eventsJson(span.events),
    links: span.links.length ? json(span.links) : null,
    governance,
    mcpServer: readMcpServer(attrs, span.kind, serviceName),
    graphHint: readGraphHint(attrs, kind, name),
  };
}

/** Resources repeat on every export of a process; they are stored once under a content hash. */
export function toResourceRecord(attributes: OtlpAttributes): ResourceRecord {
  const text = json(Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b))));
  return { id: createHash("sha1").update(text).digest("hex"), attributes: text };
}

/** Normalises a whole export request. */
export function normaliseTraceRequest(request: OtlpTraceRequest, prices: PriceBook): NormalisedBatch {
  const batch: NormalisedBatch = { spans: [], resources: [], rejected: 0, errors: [] };
  for (const resourceSpans of request.resourceSpans) {
    const resource = toResourceRecord(resourceSpans.resource);
    batch.resources.push(resource);
    const context = { id: resource.id, attributes: resourceSpans.resource };
    for (const scopeSpans of resourceSpans.scopeSpans) {
      const scope: Scope = { name: scopeSpans.scopeName, version: scopeSpans.scopeVersion ?? null };
      for (const span of scopeSpans.spans) {
        const view: DialectSpan = { name: span.name, attrs: span.attributes, events: span.events, scope };
        const dialect = findDialect(view);
        const record = toRecord(span, context, view, dialect, prices);
        if (typeof record === "string") {
          batch.rejected += 1;
          if (batch.errors.length < 5) batch.errors.push(record);
          continue;
        }
        batch.spans.push(record);
        if (dialect?.derive) batch.spans.push(...dialect.derive(view, record));
      }
    }
  }
  return batch;
}
