// The part of a span the tree and timeline need, and a compact wire form of it.
//
// A 10,000-span trace is ~10 MB as full spans (inputs, outputs, attributes, resources). The explorer only
// needs ids, names, kinds, times, status and usage to draw every row; the full span of the selected row is
// loaded on demand. `packSpanOutlines` turns the outlines into rows of a string table and numbers (~1 MB
// for 10,000 spans) so the page payload stays small; `unpackSpanOutlines` restores them exactly.
import type { Span } from "@/lib/trace/types";

export type SpanOutline = Pick<
  Span,
  | "spanId"
  | "parentSpanId"
  | "name"
  | "kind"
  | "serviceName"
  | "startTime"
  | "durationMs"
  | "status"
  | "statusMessage"
  | "model"
  | "inputTokens"
  | "outputTokens"
  | "costUsd"
  | "toolName"
  | "agentName"
  | "mcpServer"
>;

/** Drops everything but the outline fields. */
export function toSpanOutline(span: SpanOutline): SpanOutline {
  const {
    spanId,
    parentSpanId,
    name,
    kind,
    serviceName,
    startTime,
    durationMs,
    status,
    statusMessage,
    model,
    inputTokens,
    outputTokens,
    costUsd,
    toolName,
    agentName,
    mcpServer,
  } = span;
  return {
    spanId,
    parentSpanId,
    name,
    kind,
    serviceName,
    startTime,
    durationMs,
    status,
    statusMessage,
    model,
    inputTokens,
    outputTokens,
    costUsd,
    toolName,
    agentName,
    mcpServer,
  };
}

/** [spanId, parentSpanId, name, kind, service, startOffsetMs, durationMs, status, statusMessage, model, in, out, cost, tool, agent, mcpServer]; strings as string-table indexes, -1 for null. */
type PackedRow = [
  string,
  string | null,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number | null,
  number | null,
  number | null,
  number,
  number,
  mcpServer?: number,
];

export type PackedSpanOutlines = { version: 1; originMs: number; strings: string[]; rows: PackedRow[] };

/** Packs outlines (in any order) into the compact form. Times keep their millisecond precision. */
export function packSpanOutlines(spans: readonly SpanOutline[]): PackedSpanOutlines {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (value: string | null): number => {
    if (value === null) return -1;
    let i = index.get(value);
    if (i === undefined) {
      i = strings.push(value) - 1;
      index.set(value, i);
    }
    return i;
  };
  const startMs = spans.map((span) => Date.parse(span.startTime));
  let originMs = Infinity;
  for (const ms of startMs) originMs = Math.min(originMs, ms);
  if (!Number.isFinite(originMs)) originMs = 0;
  const rows = spans.map((s, i): PackedRow => [
    s.spanId,
    s.parentSpanId,
    ref(s.name),
    ref(s.kind),
    ref(s.serviceName),
    startMs[i]! - originMs,
    s.durationMs,
    ref(s.status),
    ref(s.statusMessage),
    ref(s.model),
    s.inputTokens,
    s.outputTokens,
    s.costUsd,
    ref(s.toolName),
    ref(s.agentName),
    ref(s.mcpServer),
  ]);
  return { version: 1, originMs, strings, rows };
}

/** Restores the outlines packed by `packSpanOutlines`, in the same order. */
export function unpackSpanOutlines(packed: PackedSpanOutlines): SpanOutline[] {
  const { strings, originMs } = packed;
  const str = (i: number): string | null => (i < 0 ? null : (strings[i] ?? null));
  return packed.rows.map((r) => ({
    spanId: r[0],
    parentSpanId: r[1],
    name: str(r[2]) ?? "",
    kind: (str(r[3]) ?? "other") as Span["kind"],
    serviceName: str(r[4]),
    startTime: new Date(originMs + r[5]).toISOString(),
    durationMs: r[6],
    status: (str(r[7]) ?? "unset") as Span["status"],
    statusMessage: str(r[8]),
    model: str(r[9]),
    inputTokens: r[10],
    outputTokens: r[11],
    costUsd: r[12],
    toolName: str(r[13]),
    agentName: str(r[14]),
    mcpServer: str(r[15] ?? -1),
  }));
}
