import type { SpanRecord } from "@/lib/ingest/span-record";

/** A stored span with every optional field empty; tests name only the fields they are about. */
export function storedSpan(fields: Partial<SpanRecord> & Pick<SpanRecord, "traceId" | "spanId" | "parentSpanId" | "startNs" | "endNs">): SpanRecord {
  return {
    name: "span",
    kind: "other",
    spanKind: 1,
    serviceName: null,
    scopeName: null,
    resourceId: "r",
    durationMs: Number((fields.endNs - fields.startNs) / 1000n) / 1000,
    status: "ok",
    statusMessage: null,
    model: null,
    provider: null,
    inputTokens: null,
    outputTokens: null,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    reasoningTokens: null,
    costUsd: null,
    costSource: null,
    toolName: null,
    toolCallId: null,
    agentName: null,
    sessionId: null,
    userId: null,
    mcpServer: null,
    graphHint: null,
    input: null,
    output: null,
    attributes: "{}",
    events: "[]",
    links: null,
    ...fields,
  };
}
