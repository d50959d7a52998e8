// Assertions shared by the framework tests (tests/integration/frameworks.test.ts): they check what the
// read API returns for a trace against the facts an emitter printed.
import { expect } from "vitest";
import type { Kind, Span, TraceDetail } from "@/lib/trace/types";

export const named = (detail: TraceDetail, name: string) => detail.spans.filter((s) => s.name === name);
export function one(detail: TraceDetail, name: string): Span {
  const found = named(detail, name);
  expect(
    found.map((s) => s.name),
    `spans named ${name}`,
  ).toEqual([name]);
  return found[0]!;
}
export const bySpanId = (detail: TraceDetail, spanId: string | undefined) => {
  const span = detail.spans.find((s) => s.spanId === spanId);
  expect(span, `span ${spanId}`).toBeDefined();
  return span!;
};
export const text = (value: unknown) => JSON.stringify(value) ?? "";

export function expectKinds(spans: Span[], kinds: Record<string, Kind>) {
  for (const [name, kind] of Object.entries(kinds)) {
    const matching = spans.filter((s) => s.name === name);
    expect(matching.length, `spans named ${name}`).toBeGreaterThan(0);
    for (const span of matching) expect(span.kind, `kind of ${name}`).toBe(kind);
  }
}

/** sessionId/userId on the trace and on every span, whichever span carried them. */
export function expectIdentityEverywhere(detail: TraceDetail, sessionId: string, userId: string) {
  expect({ sessionId: detail.trace.sessionId, userId: detail.trace.userId }).toEqual({ sessionId, userId });
  for (const span of detail.spans) expect({ span: span.name, sessionId: span.sessionId, userId: span.userId }).toEqual({ span: span.name, sessionId, userId });
}

type Totals = { inputTokens: number; outputTokens: number; llmCallCount: number; toolCallCount: number };
export function expectTotals(detail: TraceDetail, expected: Totals) {
  const pick = ({ inputTokens, outputTokens, llmCallCount, toolCallCount }: Totals) => ({ inputTokens, outputTokens, llmCallCount, toolCallCount });
  expect({ ...pick(detail.trace), totalTokens: detail.trace.totalTokens }).toEqual({
    ...pick(expected),
    totalTokens: expected.inputTokens + expected.outputTokens,
  });
}

/** The trace cost is the sum of the counted calls, each once (no wrapper adds its children again). */
export function expectTraceCostOf(detail: TraceDetail, counted: Span[]) {
  const sum = counted.reduce((total, span) => total + (span.costUsd ?? 0), 0);
  expect(detail.trace.costUsd).not.toBeNull();
  expect(detail.trace.costUsd!).toBeCloseTo(sum, 10);
}

export function expectComputedCost(span: Span) {
  expect({ span: span.name, costSource: span.costSource }).toEqual({ span: span.name, costSource: "computed" });
  expect(span.costUsd ?? 0).toBeGreaterThan(0);
}

/** Each needle occurs in the haystack after the previous one (order of messages, whatever their shape). */
export function expectInOrder(value: unknown, needles: string[]) {
  const haystack = text(value);
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(JSON.stringify(needle).slice(1, -1), from);
    expect(at, `"${needle}" after position ${from} in ${haystack.slice(0, 400)}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

export const expectMentions = (value: unknown, needle: string) => expectInOrder(value, [needle]);
