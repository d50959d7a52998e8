// A stored span row as read in bulk (lib/data/traces/trace-span-rows.ts) → the API's Span, as an object
// or straight as its JSON text. The JSON form copies the stored attributes (JSON.stringify's text since
// ingest) and resource attributes into the answer instead of parsing and re-serialising them: on a long
// trace, building an object per attribute was most of the time of a read and kept the collector busy.
// Both forms give the same JSON value (a unit test compares them). Pure.
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { isoFromMs } from "@/lib/format/iso-time";
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import type { CostSource, Kind, Span, SpanEvent, Status } from "@/lib/trace/types";
import { applyLogEvents, type StoredLog } from "./genai-log-events";

export type StoredSpan = {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  serviceName: string | null;
  resourceId: string | null;
  /** Whole milliseconds since the epoch (the stored nanoseconds divided down). */
  startMs: number;
  endMs: number;
  durationMs: number;
  status: string;
  statusMessage: string | null;
  model: string | null;
  provider: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  costUsd: number | null;
  costSource: string | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  mcpServer: string | null;
  sessionId: string | null;
  userId: string | null;
  /** JSON text or plain text kept verbatim from the span (lib/ingest RawText). */
  input: string | null;
  output: string | null;
  /** JSON text of an object. */
  attributes: string;
  /** JSON text: [{ name, timeNs, attributes }]. */
  events: string;
};

/** What a span inherits from its trace, and its resources' attributes (JSON text) by id. */
export type SpanContext = { sessionId: string | null; userId: string | null; resources: ReadonlyMap<string, string> };

type StoredEvent = { name: string; timeNs: string; attributes: Record<string, unknown> };

const parseContent = (text: string | null): unknown => (text === null ? null : parseMaybeJson(text));

function toEvents(text: string): SpanEvent[] {
  if (text === "[]") return [];
  return (JSON.parse(text) as StoredEvent[]).map((e) => ({ name: e.name, time: isoFromMs(Number(BigInt(e.timeNs) / 1_000_000n)), attributes: e.attributes }));
}

/** Every field of the Span before `attributes`, in the API's order. */
function head(row: StoredSpan, context: SpanContext, fromLogs: ReturnType<typeof applyLogEvents>) {
  return {
    traceId: row.traceId,
    spanId: row.spanId,
    parentSpanId: row.parentSpanId,
    name: row.name,
    kind: row.kind as Kind,
    serviceName: row.serviceName,
    startTime: isoFromMs(row.startMs),
    endTime: isoFromMs(row.endMs),
    durationMs: row.durationMs,
    status: row.status as Status,
    statusMessage: row.statusMessage,
    model: row.model,
    provider: row.provider,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: row.cacheWriteTokens,
    reasoningTokens: row.reasoningTokens,
    costUsd: roundUsdOrNull(row.costUsd),
    costSource: row.costSource as CostSource | null,
    toolName: row.toolName,
    toolCallId: row.toolCallId,
    agentName: row.agentName,
    mcpServer: row.mcpServer || null,
    sessionId: row.sessionId ?? context.sessionId,
    userId: row.userId ?? context.userId,
    input: parseContent(row.input) ?? fromLogs.input ?? null,
    output: parseContent(row.output) ?? fromLogs.output ?? null,
  };
}

const NO_LOGS: ReturnType<typeof applyLogEvents> = { events: [] };
const resourceText = (row: StoredSpan, context: SpanContext) => (row.resourceId && context.resources.get(row.resourceId)) || "{}";

/** The span as the API shows it: log events joined, session and user inherited from the trace. */
export function toSpan(row: StoredSpan, context: SpanContext, logs: StoredLog[] = []): Span {
  const fromLogs = logs.length ? applyLogEvents(logs) : NO_LOGS;
  return {
    ...head(row, context, fromLogs),
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    resourceAttributes: JSON.parse(resourceText(row, context)) as Record<string, unknown>,
    events: [...toEvents(row.events), ...fromLogs.events],
  };
}

/** JSON.stringify(toSpan(row, context, logs)), without parsing the stored attributes. */
export function spanJson(row: StoredSpan, context: SpanContext, logs: StoredLog[] = []): string {
  const fromLogs = logs.length ? applyLogEvents(logs) : NO_LOGS;
  const events = row.events === "[]" && fromLogs.events.length === 0 ? "[]" : JSON.stringify([...toEvents(row.events), ...fromLogs.events]);
  const start = JSON.stringify(head(row, context, fromLogs));
  return `${start.slice(0, -1)},"attributes":${row.attributes},"resourceAttributes":${resourceText(row, context)},"events":${events}}`;
}
