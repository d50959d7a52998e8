import type { Span } from "@/lib/trace/types";

const BASE_MS = Date.parse("2026-01-01T00:00:00.000Z");

/** A span starting `startOffsetMs` after a fixed origin; everything not given is empty. */
export function makeSpan(spanId: string, parentSpanId: string | null, startOffsetMs = 0, durationMs = 10, extra: Partial<Span> = {}): Span {
  const start = BASE_MS + startOffsetMs;
  return {
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId,
    parentSpanId,
    name: spanId,
    kind: "other",
    serviceName: null,
    startTime: new Date(start).toISOString(),
    endTime: new Date(start + durationMs).toISOString(),
    durationMs,
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
    mcpServer: null,
    sessionId: null,
    userId: null,
    input: null,
    output: null,
    attributes: {},
    resourceAttributes: {},
    events: [],
    ...extra,
  };
}

export const ORIGIN_MS = BASE_MS;
