// Span builders shared by the analytics unit tests.
import type { SummarySpan } from "@/lib/trace/summarise";

export const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
/** 2026-11-21T10:00:00Z. */
export const BASE_MS = Date.UTC(2026, 10, 21, 10);

/** A span starting `startMs` after BASE_MS and lasting `durationMs`; `parent` null = root. */
export function span(id: string, parent: string | null, startMs: number, durationMs: number, extra: Partial<SummarySpan> = {}): SummarySpan {
  const startNs = BigInt(BASE_MS + startMs) * 1_000_000n;
  return {
    spanId: id,
    parentSpanId: parent,
    name: id,
    kind: "other",
    serviceName: null,
    startNs,
    endNs: startNs + BigInt(durationMs) * 1_000_000n,
    status: "ok",
    model: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    costSource: null,
    toolName: null,
    agentName: null,
    sessionId: null,
    userId: null,
    ...extra,
  };
}

export const llm = (id: string, parent: string | null, startMs: number, durationMs: number, model: string, input: number, output: number, costUsd: number) =>
  span(id, parent, startMs, durationMs, { kind: "llm", model, inputTokens: input, outputTokens: output, costUsd, costSource: "computed" });
