// Builds RetroSpans from what the store keeps (JSON text columns, nanosecond times) and from read-API spans
// (parsed values, ISO times). Stored content is untrusted: text that is not valid JSON stays text for
// inputs and outputs, and becomes empty attributes or events rather than an error.
import { RETRO_KINDS, type RetroEvent, type RetroKind, type RetroSpan } from "@/lib/retro/types";
import type { CostSource, Span, Status } from "@/lib/trace/types";

/** The stored span columns retro analysis reads (a stored span record has them all). */
export type StoredSpanFields = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  startNs: bigint;
  endNs: bigint;
  durationMs: number;
  status: Status;
  statusMessage: string | null;
  model: string | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  costSource: CostSource | null;
  /** JSON text of the parsed input/output, or null. */
  input: string | null;
  output: string | null;
  /** JSON text of the attributes object and of the events list (`[{ name, timeNs, attributes }]`). */
  attributes: string;
  events: string;
};

const KINDS = new Set<string>(RETRO_KINDS);

export function retroSpanFromStored(row: StoredSpanFields): RetroSpan {
  return {
    spanId: row.spanId,
    parentSpanId: row.parentSpanId,
    name: row.name,
    kind: kindOf(row.kind),
    startNs: row.startNs,
    endNs: row.endNs,
    durationMs: row.durationMs,
    status: row.status,
    statusMessage: row.statusMessage,
    model: row.model,
    toolName: row.toolName,
    toolCallId: row.toolCallId,
    agentName: row.agentName,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    costUsd: row.costUsd,
    costSource: row.costSource,
    input: row.input === null ? null : parseOr(row.input, row.input),
    output: row.output === null ? null : parseOr(row.output, row.output),
    attributes: recordOf(parseOr(row.attributes, null)),
    events: eventsOf(parseOr(row.events, null)),
  };
}

/** From a read-API span; its times have millisecond precision. */
export function retroSpanFromApi(span: Span): RetroSpan {
  return {
    ...span,
    kind: kindOf(span.kind),
    startNs: nsOfIso(span.startTime),
    endNs: nsOfIso(span.endTime),
    events: span.events.map((event) => ({ name: event.name, attributes: recordOf(event.attributes) })),
  };
}

const kindOf = (kind: string): RetroKind => (KINDS.has(kind) ? (kind as RetroKind) : "other");

function nsOfIso(iso: string): bigint {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? BigInt(ms) * 1_000_000n : 0n;
}

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

function recordOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function eventsOf(value: unknown): RetroEvent[] {
  if (!Array.isArray(value)) return [];
  const events: RetroEvent[] = [];
  for (const item of value as unknown[]) {
    const event = recordOf(item);
    if (typeof event.name === "string") events.push({ name: event.name, attributes: recordOf(event.attributes) });
  }
  return events;
}
