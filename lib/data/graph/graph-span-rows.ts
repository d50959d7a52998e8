// A stored span as the pipeline map reads it (the summary's columns plus the map's own). Pure mapping.
import { GRAPH_SPAN_COLUMNS, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import type { Kind, Status } from "@/lib/trace/types";

const COLUMNS = [
  "spanId",
  "parentSpanId",
  "name",
  "kind",
  "serviceName",
  "startNs",
  "endNs",
  "status",
  "model",
  "costUsd",
  "toolName",
  "agentName",
  ...GRAPH_SPAN_COLUMNS.split(",").map((c) => c.trim().replaceAll('"', "")),
];

/** The SELECT list, each column qualified with `prefix` (e.g. `s.`). */
export const GRAPH_SPAN_SELECT_COLUMNS = (prefix = "") => COLUMNS.map((c) => `${prefix}"${c}"`).join(", ");

export function toSpan(row: Record<string, unknown>): GraphSummarySpan {
  return {
    spanId: String(row.spanId),
    parentSpanId: row.parentSpanId === null ? null : String(row.parentSpanId),
    name: String(row.name),
    kind: row.kind as Kind,
    serviceName: row.serviceName === null ? null : String(row.serviceName),
    startNs: BigInt(row.startNs as bigint),
    endNs: BigInt(row.endNs as bigint),
    status: row.status as Status,
    model: row.model === null ? null : String(row.model),
    costUsd: row.costUsd === null ? null : Number(row.costUsd),
    toolName: row.toolName === null ? null : String(row.toolName),
    agentName: row.agentName === null ? null : String(row.agentName),
    spanKind: Number(row.spanKind),
    mcpServer: row.mcpServer === null ? null : String(row.mcpServer),
    graphHint: row.graphHint === null ? null : String(row.graphHint),
    inputTokens: null,
    outputTokens: null,
    costSource: null,
    sessionId: null,
    userId: null,
  };
}
