// The critical path of a trace as the trace page shows it, computed from the span outlines the page
// already loads (lib/retro criticalPath over millisecond times), so the page reads no span content for
// it. The API's /critical-path reads the full spans and may differ only where an approval span is told
// apart by its attributes, which outlines do not carry. Pure.
import { criticalPath, type CriticalPath, type RetroSpan } from "@/lib/retro";
import type { SpanOutline } from "@/lib/trace/span-outline";

/** The part of a critical path the explorer and the header need. */
export type CriticalPathView = Pick<CriticalPath, "totalMs" | "byKind"> & { segments: { spanId: string; selfMs: number }[] };

function retroSpanOf(outline: SpanOutline): RetroSpan {
  const startNs = BigInt(Date.parse(outline.startTime)) * 1_000_000n;
  const durationNs = Number.isFinite(outline.durationMs) && outline.durationMs > 0 ? BigInt(Math.round(outline.durationMs * 1e6)) : 0n;
  return {
    spanId: outline.spanId,
    parentSpanId: outline.parentSpanId,
    name: outline.name,
    kind: outline.kind,
    startNs,
    endNs: startNs + durationNs,
    durationMs: outline.durationMs,
    status: outline.status,
    statusMessage: outline.statusMessage,
    model: outline.model,
    toolName: outline.toolName,
    toolCallId: null,
    agentName: outline.agentName,
    inputTokens: outline.inputTokens,
    outputTokens: outline.outputTokens,
    costUsd: outline.costUsd,
    costSource: null,
    input: null,
    output: null,
    attributes: {},
    events: [],
  };
}

export function criticalPathOfOutlines(outlines: readonly SpanOutline[]): CriticalPathView {
  const path = criticalPath(outlines.map(retroSpanOf));
  return { totalMs: path.totalMs, byKind: path.byKind, segments: path.segments.map(({ spanId, selfMs }) => ({ spanId, selfMs })) };
}
