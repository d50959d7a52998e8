// What the databases accept, checked on a normalised batch: a value outside a column's range makes the
// INSERT fail, which ingest answers with 500 and the exporter does not retry.
import { expect } from "vitest";
import type { SpanLogRecord } from "@/lib/ingest/logs";
import type { SpanRecord } from "@/lib/ingest/span-record";

const INT64_MAX = 2n ** 63n - 1n;
const INT32_MAX = 2 ** 31 - 1;

const isInt32 = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= -(2 ** 31) && n <= INT32_MAX;
const isTime = (n: unknown) => typeof n === "bigint" && n >= 0n && n <= INT64_MAX;
const isTokenCount = (n: unknown) => n === null || (typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= INT32_MAX);
const isText = (s: unknown) => typeof s === "string";
const isOptionalText = (s: unknown) => s === null || typeof s === "string";

export function expectStorable(batch: { spans: SpanRecord[]; logs: SpanLogRecord[] }): void {
  for (const span of batch.spans) {
    expect(isInt32(span.spanKind), `spanKind ${span.spanKind}`).toBe(true);
    expect(isTime(span.startNs) && isTime(span.endNs), `times ${span.startNs}..${span.endNs}`).toBe(true);
    expect(Number.isFinite(span.durationMs), `durationMs ${span.durationMs}`).toBe(true);
    for (const key of ["inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens", "reasoningTokens"] as const) {
      expect(isTokenCount(span[key]), `${key} ${span[key]}`).toBe(true);
    }
    expect(span.costUsd === null || Number.isFinite(span.costUsd), `costUsd ${span.costUsd}`).toBe(true);
    for (const key of ["traceId", "spanId", "name", "kind", "status", "attributes", "events", "resourceId"] as const) expect(isText(span[key]), key).toBe(true);
    for (const key of [
      "parentSpanId",
      "statusMessage",
      "model",
      "provider",
      "toolName",
      "toolCallId",
      "agentName",
      "sessionId",
      "userId",
      "input",
      "output",
      "links",
    ] as const) {
      expect(isOptionalText(span[key]), `${key} ${typeof span[key]}`).toBe(true);
    }
  }
  for (const log of batch.logs) {
    expect(isTime(log.timeNs), `log time ${log.timeNs}`).toBe(true);
    expect(isOptionalText(log.body) && isText(log.attributes) && isText(log.eventName)).toBe(true);
  }
}
