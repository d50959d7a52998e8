// normaliseLogsRequest: log records with a span context become span_logs rows, deduplicated across re-sends.
import { describe, expect, it } from "vitest";
import { normaliseLogsRequest } from "@/lib/ingest/logs";
import type { OtlpLogRecord, OtlpLogsRequest } from "@/lib/ingest/otlp-types";
import { toLogsRequest } from "@/lib/ingest/parse";
import { readFixtureJson, SPAN_ID, START_NS, TRACE_ID } from "./support/otlp";

const record = (overrides: Partial<OtlpLogRecord> = {}): OtlpLogRecord => ({
  timeUnixNano: START_NS,
  observedTimeUnixNano: 0n,
  eventName: "",
  body: { content: "hi" },
  attributes: { "event.name": "gen_ai.user.message" },
  traceId: TRACE_ID,
  spanId: SPAN_ID,
  ...overrides,
});
const request = (...records: OtlpLogRecord[]): OtlpLogsRequest => ({ resourceLogs: [{ resource: {}, logRecords: records }] });
const fixture = () => normaliseLogsRequest(toLogsRequest(readFixtureJson("openai-official.logs.json")));

describe("openai-official.logs.json", () => {
  const { logs, rejected, errors } = fixture();

  it("keeps every record, named from the event.name attribute, in arrival order", () => {
    expect([rejected, errors]).toEqual([0, []]);
    expect(logs.map((l) => `${l.spanId} ${l.eventName}`)).toEqual([
      "0633ded81836304c gen_ai.system.message",
      "0633ded81836304c gen_ai.user.message",
      "0633ded81836304c gen_ai.choice",
      "23d56f15fed78695 gen_ai.system.message",
      "23d56f15fed78695 gen_ai.user.message",
      "23d56f15fed78695 gen_ai.assistant.message",
      "23d56f15fed78695 gen_ai.tool.message",
      "23d56f15fed78695 gen_ai.choice",
    ]);
    expect(new Set(logs.map((l) => l.traceId))).toEqual(new Set(["f0dcb9b5f1f41fb25248fea638089337"]));
  });

  it("stores the kvlist body and attributes as JSON text", () => {
    const choice = logs[2]!;
    expect(choice.timeNs).toBe(1795299561302000000n);
    expect(JSON.parse(choice.body!)).toEqual({
      finish_reason: "tool_calls",
      index: 0,
      message: { tool_calls: [{ id: "call_lookup_order_1", type: "function", function: { name: "lookup_order", arguments: '{"orderId":"A-7"}' } }] },
    });
    expect(JSON.parse(choice.attributes)).toEqual({ "event.name": "gen_ai.choice", "gen_ai.system": "openai" });
  });

  it("gives every record its own key, the same on every re-send", () => {
    expect(new Set(logs.map((l) => l.dedupeKey)).size).toBe(8);
    expect(fixture().logs.map((l) => l.dedupeKey)).toEqual(logs.map((l) => l.dedupeKey));
    for (const log of logs) expect(log.dedupeKey).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("event name", () => {
  it.each<[string, Partial<OtlpLogRecord>, string]>([
    ["event.name attribute", {}, "gen_ai.user.message"],
    ["LogRecord eventName field wins", { eventName: "gen_ai.choice" }, "gen_ai.choice"],
    ["eventName field only", { eventName: "gen_ai.system.message", attributes: {} }, "gen_ai.system.message"],
    ["neither: a plain log", { attributes: { "log.level": "info" } }, "log"],
    ["non-string attribute ignored", { attributes: { "event.name": 5 } }, "log"],
  ])("%s", (_label, overrides, expected) => {
    expect(normaliseLogsRequest(request(record(overrides))).logs[0]!.eventName).toBe(expected);
  });
});

describe("record fields", () => {
  it("falls back to the observed time and stores a missing body as null", () => {
    const [log] = normaliseLogsRequest(request(record({ timeUnixNano: 0n, observedTimeUnixNano: START_NS + 5n, body: null }))).logs;
    expect([log!.timeNs, log!.body]).toEqual([START_NS + 5n, null]);
  });

  it("accepts base64 and upper-case ids and stores lower-case hex", () => {
    const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
    const [a, b] = normaliseLogsRequest(
      request(record({ traceId: b64(TRACE_ID), spanId: b64(SPAN_ID) }), record({ traceId: TRACE_ID.toUpperCase(), body: "x" })),
    ).logs;
    expect([a!.traceId, a!.spanId, b!.traceId]).toEqual([TRACE_ID, SPAN_ID, TRACE_ID]);
  });
});

describe("deduplication keys", () => {
  it("keeps identical records of one request apart and maps a re-send onto the same keys", () => {
    const twice = request(record(), record());
    const first = normaliseLogsRequest(twice).logs.map((l) => l.dedupeKey);
    expect(first).toHaveLength(2);
    expect(first[0]).not.toBe(first[1]);
    expect(normaliseLogsRequest(twice).logs.map((l) => l.dedupeKey)).toEqual(first);
  });

  it("gives the first copy the same key whether it came alone or with a duplicate", () => {
    const alone = normaliseLogsRequest(request(record())).logs[0]!.dedupeKey;
    expect(normaliseLogsRequest(request(record(), record())).logs[0]!.dedupeKey).toBe(alone);
  });

  it.each<[string, Partial<OtlpLogRecord>]>([
    ["body", { body: { content: "other" } }],
    ["time", { timeUnixNano: START_NS + 1n }],
    ["span", { spanId: "1111111111111111" }],
    ["event name", { eventName: "gen_ai.system.message" }],
    ["attributes", { attributes: { "event.name": "gen_ai.user.message", extra: 1 } }],
  ])("changes when the %s differs", (_label, overrides) => {
    const [a, b] = normaliseLogsRequest(request(record(), record(overrides))).logs;
    expect(a!.dedupeKey).not.toBe(b!.dedupeKey);
  });
});

describe("records without a span context", () => {
  it.each<[string, Partial<OtlpLogRecord>]>([
    ["no ids", { traceId: "", spanId: "" }],
    ["no span id", { spanId: "" }],
    ["no trace id", { traceId: "" }],
    ["malformed trace id", { traceId: "xyz" }],
    ["malformed span id", { spanId: TRACE_ID }],
  ])("rejects a record with %s and keeps the rest", (_label, overrides) => {
    const result = normaliseLogsRequest(request(record(overrides), record(), record(overrides)));
    expect(result.rejected).toBe(2);
    expect(result.errors).toEqual(["log records without a valid traceId and spanId are not stored"]);
    expect(result.logs).toHaveLength(1);
  });

  // OTLP logs.proto: "An ID with all zeroes is considered invalid" (trace_id and span_id); the Python
  // SDK sends zero ids for logs emitted outside a span. normalise.ts rejects zero ids for spans.
  it("rejects all-zero ids (invalid per OTLP), as spans do", () => {
    const result = normaliseLogsRequest(request(record({ traceId: "0".repeat(32), spanId: "0".repeat(16) })));
    expect(result.rejected).toBe(1);
    expect(result.logs).toEqual([]);
  });
});
