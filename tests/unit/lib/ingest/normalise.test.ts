// normaliseTraceRequest beyond the vendor fixtures: ids, times, status, cost source, resources.
import { describe, expect, it } from "vitest";
import { normaliseId, normaliseTraceRequest, toResourceRecord } from "@/lib/ingest/normalise";
import { buildPriceBook } from "@/lib/pricing/compute";
import { normaliseSpan, otlpSpan, SPAN_ID, START_NS, TRACE_ID, traceRequest, USD_DIGITS } from "./support/otlp";

const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
const book = buildPriceBook();

describe("normaliseId", () => {
  it.each([
    [TRACE_ID, 16, TRACE_ID],
    [TRACE_ID.toUpperCase(), 16, TRACE_ID],
    [b64(TRACE_ID), 16, TRACE_ID],
    [SPAN_ID, 8, SPAN_ID],
    [b64(SPAN_ID), 8, SPAN_ID],
    [SPAN_ID, 16, null],
    [TRACE_ID, 8, null],
    [TRACE_ID.slice(1), 16, null],
    ["z".repeat(32), 16, null],
    ["", 8, null],
    [b64(TRACE_ID).replace(/=+$/, ""), 16, null],
  ] as const)("%j as %i bytes → %j", (raw, bytes, expected) => {
    expect(normaliseId(raw, bytes)).toBe(expected);
  });
});

describe("span ids", () => {
  it("accepts base64 ids and stores them as lower-case hex", () => {
    const record = normaliseSpan({ traceId: b64(TRACE_ID), spanId: b64(SPAN_ID), parentSpanId: b64("1122334455667788") });
    expect([record.traceId, record.spanId, record.parentSpanId]).toEqual([TRACE_ID, SPAN_ID, "1122334455667788"]);
  });

  it.each([
    ["bad traceId", { traceId: "not-hex" }, 'span "span": traceId "not-hex" is not 16 bytes of hex'],
    ["zero traceId", { traceId: "0".repeat(32) }, `span "span": traceId "${"0".repeat(32)}" is not 16 bytes of hex`],
    ["missing traceId", { traceId: "" }, 'span "span": traceId "" is not 16 bytes of hex'],
    ["bad spanId", { spanId: "1234" }, 'span "span": spanId "1234" is not 8 bytes of hex'],
    ["zero spanId", { spanId: "0".repeat(16) }, `span "span": spanId "${"0".repeat(16)}" is not 8 bytes of hex`],
    ["bad parentSpanId", { parentSpanId: "xyz" }, 'span "span": parentSpanId "xyz" is not 8 bytes of hex'],
    ["missing start time", { startTimeUnixNano: 0n }, 'span "span": startTimeUnixNano is missing'],
  ])("rejects a span with a %s, keeps the others and says why", (_label, overrides, message) => {
    const good = otlpSpan({ spanId: "aaaaaaaaaaaaaaaa" });
    const batch = normaliseTraceRequest(traceRequest([otlpSpan(overrides), good]), book);
    expect(batch.rejected).toBe(1);
    expect(batch.errors).toEqual([message]);
    expect(batch.spans.map((s) => s.spanId)).toEqual(["aaaaaaaaaaaaaaaa"]);
  });

  it("treats an all-zero parent as no parent", () => {
    expect(normaliseSpan({ parentSpanId: "0".repeat(16) }).parentSpanId).toBeNull();
    expect(normaliseSpan({ parentSpanId: "" }).parentSpanId).toBeNull();
  });

  it("counts every rejected span but keeps at most five messages", () => {
    const bad = Array.from({ length: 7 }, (_, i) => otlpSpan({ name: `bad${i}`, traceId: "x" }));
    const batch = normaliseTraceRequest(traceRequest(bad), book);
    expect(batch.rejected).toBe(7);
    expect(batch.errors).toHaveLength(5);
    expect(batch.errors[4]).toContain('span "bad4"');
    expect(batch.spans).toEqual([]);
  });
});

describe("times", () => {
  it.each([
    ["normal", START_NS + 2_345_678n, START_NS + 2_345_678n, 2.345],
    ["end before start", START_NS - 5_000_000n, START_NS, 0],
    ["end missing", 0n, START_NS, 0],
  ])("%s: end and duration", (_label, end, expectedEnd, durationMs) => {
    const record = normaliseSpan({ endTimeUnixNano: end });
    expect(record.startNs).toBe(START_NS);
    expect(record.endNs).toBe(expectedEnd);
    expect(record.durationMs).toBe(durationMs);
  });
});

describe("status", () => {
  const exception = (attributes: Record<string, string>) => [{ name: "exception", timeUnixNano: START_NS, attributes }];
  it.each([
    ["unset", {}, "unset", null],
    ["ok", { statusCode: 1 }, "ok", null],
    ["error code with message", { statusCode: 2, statusMessage: "upstream 500" }, "error", "upstream 500"],
    [
      "error code, message from exception event",
      { statusCode: 2, events: exception({ "exception.type": "TypeError", "exception.message": "boom" }) },
      "error",
      "TypeError: boom",
    ],
    ["exception event without status", { events: exception({ "exception.message": "boom" }) }, "error", "boom"],
    ["error.type without status", { attributes: { "error.type": "timeout" } }, "error", "timeout"],
    ["error code, message from error.type", { statusCode: 2, attributes: { "error.type": "rate_limited" } }, "error", "rate_limited"],
    [
      "langfuse level ERROR",
      { attributes: { "langfuse.observation.level": "ERROR", "langfuse.observation.status_message": "tool failed" } },
      "error",
      "tool failed",
    ],
    ["explicit OK wins over a recorded exception", { statusCode: 1, events: exception({ "exception.message": "retried" }) }, "ok", null],
  ] as const)("%s", (_label, overrides, status, message) => {
    const record = normaliseSpan(overrides);
    expect([record.status, record.statusMessage]).toEqual([status, message]);
  });
});

describe("cost source", () => {
  const llm = { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 100 };
  it.each([
    ["computed from prices", llm, (1000 * 2.5 + 100 * 10) / 1e6, "computed"],
    ["llm.cost.total wins", { ...llm, "llm.cost.total": 0.5 }, 0.5, "reported"],
    ["gen_ai.usage.cost wins", { ...llm, "gen_ai.usage.cost": 0.25 }, 0.25, "reported"],
    ["a reported 0 is a cost", { ...llm, "gen_ai.usage.cost": 0 }, 0, "reported"],
    ["reported cost for an unknown model", { ...llm, "gen_ai.request.model": "acme-1", "llm.cost.total": 0.125 }, 0.125, "reported"],
    ["unknown model → unpriced", { ...llm, "gen_ai.request.model": "acme-1" }, null, null],
    ["no tokens → unpriced", { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" }, null, null],
    ["tool spans are never priced", { "gen_ai.operation.name": "execute_tool", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 10 }, null, null],
  ])("%s", (_label, attributes, cost, source) => {
    const record = normaliseSpan({ attributes });
    expect(record.costSource).toBe(source);
    if (cost === null) expect(record.costUsd).toBeNull();
    else expect(record.costUsd).toBeCloseTo(cost, USD_DIGITS);
  });
});

describe("record fields", () => {
  it("fills the span's own columns", () => {
    const record = normaliseSpan({
      name: "",
      kind: 3,
      attributes: { big: "9007199254740993" },
      events: [{ name: "e", timeUnixNano: START_NS, attributes: { n: 1 } }],
    });
    expect(record).toMatchObject({ name: "(unnamed span)", spanKind: 3, serviceName: "svc", scopeName: "scope", kind: "other", links: null });
    expect(JSON.parse(record.attributes)).toEqual({ big: "9007199254740993" });
    expect(JSON.parse(record.events)).toEqual([{ name: "e", timeNs: START_NS.toString(), attributes: { n: 1 } }]);
  });

  it("stores links as JSON", () => {
    const links = [{ traceId: TRACE_ID, spanId: SPAN_ID, attributes: { why: "retry" } }];
    expect(JSON.parse(normaliseSpan({ links }).links!)).toEqual(links);
  });

  it("stores each resource once under a hash of its sorted attributes", () => {
    const a = toResourceRecord({ "service.name": "svc", "host.name": "h" });
    const b = toResourceRecord({ "host.name": "h", "service.name": "svc" });
    const c = toResourceRecord({ "service.name": "other" });
    expect(a).toEqual(b);
    expect(a.id).toMatch(/^[0-9a-f]{40}$/);
    expect(c.id).not.toBe(a.id);
    expect(JSON.parse(a.attributes)).toEqual({ "host.name": "h", "service.name": "svc" });
  });

  it("uses a null service name when the resource has none", () => {
    const batch = normaliseTraceRequest(traceRequest([otlpSpan()], { "service.name": 42 }), book);
    expect(batch.spans[0]!.serviceName).toBeNull();
  });
});
