// Which fields of what ingest stores are redacted, on spans and logs as the normalise step builds them.
import { describe, expect, it } from "vitest";
import { normaliseLogsRequest } from "@/lib/ingest/logs";
import { normaliseTraceRequest } from "@/lib/ingest/normalise";
import { decodeTraceRequestProtobuf } from "@/lib/ingest/otlp-trace-decoder";
import { toLogsRequest } from "@/lib/ingest/parse";
import { buildPriceBook } from "@/lib/pricing/compute";
import { compileRedaction, redactBatch, redactSpanRecord } from "@/lib/redaction";
import { buildWorkload } from "@/scripts/bench/encode";
import { normaliseFixture, otlpSpan, START_NS, traceRequest, type FixtureName } from "../ingest/support/otlp";
import { ALL, filler } from "./support";

const EMAIL = "maya@example.com";
const TOKEN = `ghp_${filler(36)}`;

function chatSpan() {
  const messages = JSON.stringify([{ role: "user", parts: [{ type: "text", content: `I am ${EMAIL}, key ${TOKEN}` }] }]);
  return otlpSpan({
    name: `chat for ${EMAIL}`,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "gpt-4o-2024-08-06",
      "gen_ai.input.messages": messages,
      "gen_ai.usage.input_tokens": 4111111111111111,
      "user.id": EMAIL,
      "session.id": "sess-1",
    },
    events: [{ name: "exception", timeUnixNano: START_NS, attributes: { "exception.message": `bad token ${TOKEN}`, "exception.type": "AuthError" } }],
    links: [{ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", attributes: { note: EMAIL } }],
    statusCode: 2,
    statusMessage: `rejected ${TOKEN}`,
  });
}

describe("redactSpanRecord", () => {
  const [span] = normaliseTraceRequest(traceRequest([chatSpan()]), buildPriceBook()).spans;
  const before = { ...span! };
  const after = redactSpanRecord(ALL, { ...span! });

  it("redacts the name, status message, input, attributes, events and links", () => {
    for (const text of [after.name, after.statusMessage, after.input, after.attributes, after.events, after.links]) {
      expect(text).not.toContain(EMAIL);
      expect(text).not.toContain(TOKEN);
    }
    expect(after.name).toBe("chat for [REDACTED:email]");
    expect(after.statusMessage).toBe("rejected [REDACTED:secret]");
    expect(JSON.parse(after.input!)).toEqual([{ role: "user", parts: [{ type: "text", content: "I am [REDACTED:email], key [REDACTED:secret]" }] }]);
  });

  it("keeps ids, times, numbers and labels as they were", () => {
    const kept = [
      "traceId",
      "spanId",
      "parentSpanId",
      "startNs",
      "endNs",
      "durationMs",
      "model",
      "userId",
      "sessionId",
      "inputTokens",
      "kind",
      "status",
    ] as const;
    for (const key of kept) expect(after[key]).toEqual(before[key]);
    expect(after.userId).toBe(EMAIL); // an id: deleting an end user's data finds it by userId
    const attributes = JSON.parse(after.attributes) as Record<string, unknown>;
    expect(attributes["gen_ai.usage.input_tokens"]).toBe(4111111111111111);
    expect(attributes["gen_ai.request.model"]).toBe("gpt-4o-2024-08-06");
    expect((JSON.parse(after.events) as { timeNs: string }[])[0]!.timeNs).toBe(START_NS.toString());
    expect((JSON.parse(after.links!) as { spanId: string }[])[0]!.spanId).toBe("00f067aa0ba902b7");
  });

  it("changes nothing when redaction is off", () => {
    expect(redactSpanRecord(compileRedaction({ detectors: [], patterns: [] }), { ...span! })).toEqual(before);
  });
});

describe("redactBatch", () => {
  it("redacts resource attributes and moves the spans to the redacted resource's id", () => {
    const batch = normaliseTraceRequest(
      traceRequest([otlpSpan()], { "service.name": "svc", "process.command_args": ["node", "agent.js", `--token=${TOKEN}`] }),
      buildPriceBook(),
    );
    const oldId = batch.resources[0]!.id;
    redactBatch(ALL, batch);
    expect(batch.resources[0]!.attributes).not.toContain(TOKEN);
    expect(batch.resources[0]!.id).not.toBe(oldId);
    expect(batch.spans[0]!.resourceId).toBe(batch.resources[0]!.id);
  });
});

describe("redactBatch on log records", () => {
  it("redacts log bodies and attributes, not ids or times", () => {
    const { logs } = normaliseLogsRequest(
      toLogsRequest({
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    timeUnixNano: "1795299560000000000",
                    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
                    spanId: "00f067aa0ba902b7",
                    eventName: "gen_ai.user.message",
                    body: { kvlistValue: { values: [{ key: "content", value: { stringValue: `mail ${EMAIL}` } }] } },
                    attributes: [{ key: "note", value: { stringValue: TOKEN } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const [log] = redactBatch(ALL, { spans: [], resources: [], logs }).logs;
    expect(JSON.parse(log!.body!)).toEqual({ content: "mail [REDACTED:email]" });
    expect(JSON.parse(log!.attributes)).toEqual({ note: "[REDACTED:secret]" });
    expect(log!.timeNs).toBe(1795299560000000000n);
    expect(log!.spanId).toBe("00f067aa0ba902b7");
  });
});

describe("input and output are only scanned when the attributes or events may match", () => {
  // redactSpanRecord relies on this: a span's input and output come from its attributes and events.
  const fixtures: FixtureName[] = ["vercel-ai", "openai-official", "openinference", "openllmetry", "langfuse"];
  const spans = [
    ...fixtures.flatMap((name) => normaliseFixture(name).spans),
    ...buildWorkload(2000, 500, 7).bodies.flatMap((body) => normaliseTraceRequest(decodeTraceRequestProtobuf(body), buildPriceBook()).spans),
  ];

  it("holds for each detector on the framework fixtures and the benchmark's spans", () => {
    for (const detector of ["email", "phone", "credit_card", "secret", "ip_address"] as const) {
      const redactor = compileRedaction({ detectors: [detector], patterns: [] });
      for (const span of spans) {
        if (redactor.mayMatch(span.attributes) || redactor.mayMatch(span.events)) continue;
        expect(span.input === null || !redactor.mayMatch(span.input)).toBe(true);
        expect(span.output === null || !redactor.mayMatch(span.output)).toBe(true);
      }
    }
    expect(spans.length).toBeGreaterThan(2000);
  });
});
