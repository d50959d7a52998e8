import type { RetroSpan } from "@/lib/retro/types";

/** 2026-01-01T00:00:00Z in Unix nanoseconds: every test span is placed in milliseconds after it. */
export const ORIGIN_NS = 1_767_225_600_000_000_000n;

export const nsAt = (ms: number) => ORIGIN_NS + BigInt(Math.round(ms * 1e6));
export const isoAt = (ms: number) => new Date(Number(ORIGIN_NS / 1_000_000n) + ms).toISOString();

/** A span from `startMs` to `startMs + durationMs` after ORIGIN_NS; everything not given is empty. */
export function span(spanId: string, parentSpanId: string | null, startMs: number, durationMs: number, extra: Partial<RetroSpan> = {}): RetroSpan {
  return {
    spanId,
    parentSpanId,
    name: spanId,
    kind: "other",
    startNs: nsAt(startMs),
    endNs: nsAt(startMs + durationMs),
    durationMs,
    status: "ok",
    statusMessage: null,
    model: null,
    toolName: null,
    toolCallId: null,
    agentName: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    costSource: null,
    input: null,
    output: null,
    attributes: {},
    events: [],
    ...extra,
  };
}

export const agent = (id: string, parent: string | null, startMs: number, durationMs: number, name: string, extra: Partial<RetroSpan> = {}) =>
  span(id, parent, startMs, durationMs, { kind: "agent", name: `invoke_agent ${name}`, agentName: name, ...extra });

export const tool = (id: string, parent: string | null, startMs: number, durationMs: number, toolName: string, args: unknown, extra: Partial<RetroSpan> = {}) =>
  span(id, parent, startMs, durationMs, { kind: "tool", name: `execute_tool ${toolName}`, toolName, input: args, ...extra });

/** An LLM call with usage; `costUsd` null means unpriced. */
export const llm = (id: string, parent: string | null, startMs: number, durationMs: number, extra: Partial<RetroSpan> = {}) =>
  span(id, parent, startMs, durationMs, {
    kind: "llm",
    name: `chat ${extra.model ?? "gpt-4o"}`,
    model: "gpt-4o",
    inputTokens: 100,
    outputTokens: 10,
    costUsd: 0.01,
    costSource: "computed",
    attributes: { "gen_ai.operation.name": "chat" },
    ...extra,
  });
