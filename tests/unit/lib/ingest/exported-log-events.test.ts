// A span's log records written into a trace export as marked span events come back out of /v1/traces as
// the same log records (what the read API joins into the span's input, output and events).
import { describe, expect, it } from "vitest";
import { logAsSpanEvent, LOG_RECORD } from "@/lib/ingest/exported-log-events";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { buildPriceBook } from "@/lib/pricing/compute";
import { buildOtlpJson, type ExportableSpan } from "@/lib/retro/collab/otlp-json";

const prices = buildPriceBook();
const TRACE = "0af7651916cd43dd8448eb211c80319c";
const SPAN = "b7ad6b7169203331";
const kv = (key: string, value: object) => ({ key, value });

const logRecords = [
  {
    eventName: "gen_ai.user.message",
    timeUnixNano: "1700000000000000100",
    body: { kvlistValue: { values: [kv("content", { stringValue: "Where is my order?" })] } },
    attributes: [kv("gen_ai.system", { stringValue: "openai" })],
  },
  {
    eventName: "gen_ai.choice",
    timeUnixNano: "1700000000000000200",
    body: { kvlistValue: { values: [kv("index", { intValue: "0" }), kv("finish_reason", { stringValue: "stop" })] } },
    attributes: [kv("gen_ai.system", { stringValue: "openai" })],
  },
  { eventName: "note", timeUnixNano: "1700000000000000300", attributes: [kv("score", { doubleValue: 0.5 })] },
];

const sentAsLogs = () => {
  const body = { resourceLogs: [{ scopeLogs: [{ logRecords: logRecords.map((r) => ({ ...r, traceId: TRACE, spanId: SPAN })) }] }] };
  const result = normaliseBody("logs", Buffer.from(JSON.stringify(body)), "json", prices);
  if (!result.ok) throw new Error(result.message);
  return result.batch.logs;
};

function exportedSpan(events: ExportableSpan["events"]): ExportableSpan {
  return {
    traceId: TRACE,
    spanId: SPAN,
    parentSpanId: null,
    name: "chat gpt-4o-mini",
    spanKind: 3,
    scopeName: "openai",
    resourceKey: "",
    startNs: "1700000000000000000",
    endNs: "1700000000000000900",
    status: "ok",
    statusMessage: null,
    attributes: { "gen_ai.operation.name": "chat" },
    events,
    links: [],
  };
}

describe("log records in a trace export", () => {
  it("come back from /v1/traces as the same log records, not as span events", () => {
    const stored = sentAsLogs();
    const asEvents = stored.map((log) =>
      logAsSpanEvent({
        eventName: log.eventName,
        timeNs: log.timeNs.toString(),
        body: log.body === null ? null : JSON.parse(log.body),
        attributes: JSON.parse(log.attributes) as Record<string, unknown>,
      }),
    );
    const ordinary = { name: "retry", timeNs: "1700000000000000400", attributes: { attempt: 2 } };
    const otlp = buildOtlpJson([exportedSpan([ordinary, ...asEvents])], new Map());
    const result = normaliseBody("traces", Buffer.from(JSON.stringify(otlp)), "json", prices);
    if (!result.ok) throw new Error(result.message);
    expect(result.batch.logs).toEqual(stored);
    expect(result.rejected).toBe(0);
    expect(JSON.parse(result.batch.spans[0]!.events)).toEqual([ordinary]);
  });

  it("leaves spans without marked events as they are", () => {
    const otlp = buildOtlpJson([exportedSpan([{ name: "retry", timeNs: "1700000000000000400", attributes: { [LOG_RECORD]: "yes" } }])], new Map());
    const result = normaliseBody("traces", Buffer.from(JSON.stringify(otlp)), "json", prices);
    if (!result.ok) throw new Error(result.message);
    expect(result.batch.logs).toEqual([]);
    expect(JSON.parse(result.batch.spans[0]!.events)).toHaveLength(1);
  });
});
