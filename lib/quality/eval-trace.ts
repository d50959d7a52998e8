// A stored trace as the evaluators read it (lib/quality/rule-evaluation.ts): its spans' content, costs,
// durations and statuses, its tool calls and findings. Pure.
import type { TraceDetail } from "@/lib/trace/types";
import type { EvalTrace } from "./rule-evaluation";

/** The trace's root: the span without a parent in the trace (the earliest such span when there are several). */
function rootOf(detail: TraceDetail): string | null {
  const ids = new Set(detail.spans.map((s) => s.spanId));
  return detail.spans.find((s) => s.parentSpanId === null || !ids.has(s.parentSpanId))?.spanId ?? null;
}

export function toEvalTrace(detail: TraceDetail): EvalTrace {
  const { trace } = detail;
  return {
    traceId: trace.traceId,
    name: trace.name,
    status: trace.status,
    durationMs: trace.durationMs,
    costUsd: trace.costUsd,
    toolCallCount: trace.toolCallCount,
    rootSpanId: rootOf(detail),
    findingCount: detail.findings.length,
    spans: detail.spans.map((s) => ({
      spanId: s.spanId,
      parentSpanId: s.parentSpanId,
      name: s.name,
      kind: s.kind,
      status: s.status,
      statusMessage: s.statusMessage,
      endMs: Date.parse(s.endTime),
      durationMs: s.durationMs,
      costUsd: s.costUsd,
      model: s.model,
      input: s.input,
      output: s.output,
    })),
  };
}
