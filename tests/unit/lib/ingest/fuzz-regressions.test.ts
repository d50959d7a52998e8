// Bodies the fuzz tests (fuzz-traces, fuzz-logs, ingest-fuzz) found answered wrongly, kept as plain
// examples: each failed before its fix.
import { describe, expect, it } from "vitest";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { buildPriceBook } from "@/lib/pricing/compute";

const prices = buildPriceBook();
const span = (traceId: string, spanId: string, start: string, end: string, attributes: object[] = []) => ({
  traceId,
  spanId,
  name: "s",
  startTimeUnixNano: start,
  endTimeUnixNano: end,
  attributes,
});
const traceBody = (spans: object[]) => Buffer.from(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }));

describe("found by fuzzing", () => {
  // Valid OTLP (fixed64 is unsigned) that no database column holds: it answered 500 on both databases.
  it("rejects, span by span, times past the signed 64-bit range the store keeps", () => {
    const result = normaliseBody(
      "traces",
      traceBody([
        span("11111111111111111111111111111111", "1111111111111111", "1700000000000000000", "9223372036854775808"),
        span("22222222222222222222222222222222", "2222222222222222", "18446744073709551615", "18446744073709551615"),
        span("33333333333333333333333333333333", "3333333333333333", "1700000000000000000", "9223372036854775807"),
      ]),
      "json",
      prices,
    );
    expect(result.ok && result.rejected).toBe(2);
    expect(result.ok && result.errors[0]).toMatch(/after the year 2262/);
    expect(result.ok && result.batch.spans.map((s) => s.traceId)).toEqual(["33333333333333333333333333333333"]);
  });

  it("rejects log records timed past the signed 64-bit range the store keeps", () => {
    const record = (timeUnixNano: string) => ({
      timeUnixNano,
      traceId: "11111111111111111111111111111111",
      spanId: "1111111111111111",
      body: { stringValue: "x" },
    });
    const body = Buffer.from(
      JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [record("18446744073709551615"), record("1700000000000000000")] }] }] }),
    );
    const result = normaliseBody("logs", body, "json", prices);
    expect(result.ok && result.rejected).toBe(1);
    expect(result.ok && result.batch.logs.map((l) => l.timeNs)).toEqual([1700000000000000000n]);
  });

  // PostgreSQL keeps token counts in INTEGER columns: 1.5 or 8e18 failed the INSERT, and the request answered 500.
  it("ignores token counts that are not whole numbers within 32 bits", () => {
    const usage = (input: object, output: object) => [
      { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
      { key: "gen_ai.usage.input_tokens", value: input },
      { key: "gen_ai.usage.output_tokens", value: output },
    ];
    const result = normaliseBody(
      "traces",
      traceBody([
        span(
          "11111111111111111111111111111111",
          "1111111111111111",
          "1700000000000000000",
          "1700000000000000001",
          usage({ doubleValue: 6.2e-217 }, { doubleValue: 0.5 }),
        ),
        span(
          "22222222222222222222222222222222",
          "2222222222222222",
          "1700000000000000000",
          "1700000000000000001",
          usage({ intValue: "8071162142503620000" }, { intValue: "2147483648" }),
        ),
        span(
          "33333333333333333333333333333333",
          "3333333333333333",
          "1700000000000000000",
          "1700000000000000001",
          usage({ intValue: "2147483647" }, { doubleValue: 12 }),
        ),
      ]),
      "json",
      prices,
    );
    expect(result.ok && result.batch.spans.map((s) => [s.inputTokens, s.outputTokens])).toEqual([
      [null, null],
      [null, null],
      [2147483647, 12],
    ]);
  });

  // Buffer.from() and BigInt() threw TypeError/RangeError on these OTLP/JSON values: the request answered 500.
  it.each([
    ["bytesValue as an object", { bytesValue: { a: 1 } }, /bytesValue must be base64 text/],
    ["bytesValue as a number", { bytesValue: 5 }, /bytesValue must be base64 text/],
    ["bytesValue as true", { bytesValue: true }, /bytesValue must be base64 text/],
    ["intValue as a Long of fractions", { intValue: { low: 1.5, high: "x" } }, /intValue must be an integer/],
  ])("refuses %s with 400", (_label, value, message) => {
    const attributes = [{ key: "k", value }];
    const result = normaliseBody("traces", traceBody([span("11111111111111111111111111111111", "1111111111111111", "1", "2", attributes)]), "json", prices);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
