// parseTraceRequest / parseLogsRequest / toTraceRequest: protobuf and OTLP/JSON to one typed request.
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { OTLP_PROTO } from "@/lib/ingest/otlp-schema";
import { OtlpShapeError } from "@/lib/ingest/otlp-types";
import { parseLogsRequest, parseTraceRequest, toLogsRequest, toTraceRequest } from "@/lib/ingest/parse";
import { readFixtureJson, SPAN_ID, TRACE_ID } from "./support/otlp";

const root = protobuf.parse(OTLP_PROTO).root;
const encode = (type: string, object: Record<string, unknown>) => {
  const t = root.lookupType(`hindsight.otlp.${type}`);
  return t.encode(t.fromObject(object)).finish();
};
const hex = (h: string) => Buffer.from(h, "hex");
const utf8 = (text: string) => new TextEncoder().encode(text);

const START = "1795299560666000123"; // beyond 2^53: must stay exact
const attributes = [
  { key: "s", value: { stringValue: "hi" } },
  { key: "empty", value: { stringValue: "" } },
  { key: "f", value: { boolValue: false } },
  { key: "t", value: { boolValue: true } },
  { key: "zero", value: { intValue: 0 } },
  { key: "neg", value: { intValue: -5 } },
  { key: "big", value: { intValue: "9007199254740993" } },
  { key: "d0", value: { doubleValue: 0 } },
  { key: "d", value: { doubleValue: 1.25 } },
  { key: "bytes", value: { bytesValue: Buffer.from([1, 2, 3]) } },
  { key: "arr", value: { arrayValue: { values: [{ stringValue: "a" }, { intValue: 1 }, { boolValue: false }] } } },
  { key: "emptyArr", value: { arrayValue: {} } },
  {
    key: "kv",
    value: {
      kvlistValue: {
        values: [{ key: "inner", value: { arrayValue: { values: [{ kvlistValue: { values: [{ key: "x", value: { doubleValue: 0.5 } }] } }] } } }],
      },
    },
  },
  { key: "none", value: {} },
];
const expectedAttributes = {
  s: "hi",
  empty: "",
  f: false,
  t: true,
  zero: 0,
  neg: -5,
  big: "9007199254740993",
  d0: 0,
  d: 1.25,
  bytes: "AQID",
  arr: ["a", 1, false],
  emptyArr: [],
  kv: { inner: [{ x: 0.5 }] },
  none: null,
};

describe("protobuf round trip", () => {
  const bytes = encode("ExportTraceServiceRequest", {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
        scopeSpans: [
          {
            scope: { name: "my-scope", version: "1" },
            spans: [
              {
                traceId: hex(TRACE_ID),
                spanId: hex(SPAN_ID),
                name: "root",
                kind: 3,
                startTimeUnixNano: START,
                endTimeUnixNano: "1795299560667000000",
                attributes,
                events: [{ timeUnixNano: START, name: "exception", attributes: [{ key: "exception.message", value: { stringValue: "boom" } }] }],
                links: [{ traceId: hex(TRACE_ID), spanId: hex("1122334455667788"), attributes: [{ key: "l", value: { intValue: 1 } }] }],
                status: { code: 2, message: "failed" },
              },
              { traceId: hex(TRACE_ID), spanId: hex("aabbccddeeff0011"), parentSpanId: hex(SPAN_ID), name: "child" },
            ],
          },
        ],
      },
    ],
  });
  const request = parseTraceRequest(bytes, "protobuf");
  const [span, child] = request.resourceSpans[0]!.scopeSpans[0]!.spans;

  it('keeps every AnyValue type, including false, 0, "" and int64 beyond 2^53', () => {
    expect(span!.attributes).toEqual(expectedAttributes);
  });

  it("turns byte ids into hex and fixed64 times into exact bigints", () => {
    expect(span).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID, parentSpanId: "", name: "root", kind: 3, statusCode: 2, statusMessage: "failed" });
    expect(span!.startTimeUnixNano).toBe(BigInt(START));
    expect(span!.endTimeUnixNano).toBe(1795299560667000000n);
    expect(child).toMatchObject({ parentSpanId: SPAN_ID, kind: 0, statusCode: 0, statusMessage: "", attributes: {}, events: [], links: [] });
    expect(child!.startTimeUnixNano).toBe(0n);
  });

  it("keeps events, links, scope and resource", () => {
    expect(span!.events).toEqual([{ timeUnixNano: BigInt(START), name: "exception", attributes: { "exception.message": "boom" } }]);
    expect(span!.links).toEqual([{ traceId: TRACE_ID, spanId: "1122334455667788", attributes: { l: 1 } }]);
    expect(request.resourceSpans[0]!.resource).toEqual({ "service.name": "svc" });
    expect(request.resourceSpans[0]!.scopeSpans[0]!.scopeName).toBe("my-scope");
  });

  it("skips unknown fields", () => {
    const withUnknown = Buffer.concat([Buffer.from(bytes), Buffer.from([0x98, 0x06, 0x01])]); // field 99, varint 1
    expect(parseTraceRequest(withUnknown, "protobuf")).toEqual(request);
  });

  it("decodes log records: body kvlist, event name, ids", () => {
    const logBytes = encode("ExportLogsServiceRequest", {
      resourceLogs: [
        {
          resource: { attributes: [] },
          scopeLogs: [
            {
              logRecords: [
                {
                  timeUnixNano: START,
                  eventName: "gen_ai.choice",
                  traceId: hex(TRACE_ID),
                  spanId: hex(SPAN_ID),
                  body: { kvlistValue: { values: [{ key: "index", value: { intValue: 0 } }] } },
                  attributes: [{ key: "event.name", value: { stringValue: "gen_ai.choice" } }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(parseLogsRequest(logBytes, "protobuf").resourceLogs[0]!.logRecords).toEqual([
      {
        timeUnixNano: BigInt(START),
        observedTimeUnixNano: 0n,
        eventName: "gen_ai.choice",
        body: { index: 0 },
        attributes: { "event.name": "gen_ai.choice" },
        traceId: TRACE_ID,
        spanId: SPAN_ID,
      },
    ]);
  });

  it("says when the bytes are not protobuf", () => {
    expect(() => parseTraceRequest(new Uint8Array([0x0a, 0xff]), "protobuf")).toThrow(/^body is not a valid protobuf ExportTraceServiceRequest: /);
  });
});

describe("OTLP/JSON", () => {
  const span = (extra: Record<string, unknown>) => ({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, ...extra }] }] }] });
  const first = (body: unknown) => toTraceRequest(body).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;

  it("accepts int64 as strings or numbers", () => {
    const a = first(
      span({
        startTimeUnixNano: START,
        endTimeUnixNano: 1000,
        kind: "2",
        attributes: [
          { key: "n", value: { intValue: 3 } },
          { key: "s", value: { intValue: "4" } },
        ],
      }),
    );
    expect([a.startTimeUnixNano, a.endTimeUnixNano, a.kind, a.attributes]).toEqual([BigInt(START), 1000n, 2, { n: 3, s: 4 }]);
  });

  it("ignores unknown fields at every level", () => {
    const body = {
      extra: 1,
      resourceSpans: [
        {
          extra: 1,
          schemaUrl: "x",
          scopeSpans: [{ extra: 1, spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, name: "n", flags: 257, traceState: "a=b", droppedAttributesCount: 2 }] }],
        },
      ],
    };
    expect(first(body)).toMatchObject({ name: "n", traceId: TRACE_ID });
  });

  it("treats an empty request as no spans", () => {
    expect(toTraceRequest({})).toEqual({ resourceSpans: [] });
    expect(toLogsRequest({})).toEqual({ resourceLogs: [] });
  });

  it("parses the captured fixtures from bytes", () => {
    const text = JSON.stringify(readFixtureJson("openinference.json"));
    expect(parseTraceRequest(utf8(text), "json").resourceSpans[0]!.scopeSpans.flatMap((s) => s.spans)).toHaveLength(5);
    const logs = parseLogsRequest(utf8(JSON.stringify(readFixtureJson("openai-official.logs.json"))), "json");
    expect(logs.resourceLogs[0]!.logRecords).toHaveLength(8);
  });
});

describe("wrong shapes throw OtlpShapeError with a helpful message", () => {
  const withSpan = (s: unknown) => ({ resourceSpans: [{ scopeSpans: [{ spans: [s] }] }] });
  it.each<[string, unknown, string]>([
    ["body not an object", [], "request body must be an object"],
    ["resourceSpans not an array", { resourceSpans: {} }, "resourceSpans must be an array"],
    ["resourceSpans entry not an object", { resourceSpans: [1] }, "resourceSpans[] must be an object"],
    ["resource not an object", { resourceSpans: [{ resource: "x" }] }, "resource must be an object"],
    ["scopeSpans not an array", { resourceSpans: [{ scopeSpans: "x" }] }, "scopeSpans must be an array"],
    ["spans not an array", { resourceSpans: [{ scopeSpans: [{ spans: {} }] }] }, "spans must be an array"],
    ["span not an object", withSpan("span"), "span must be an object"],
    ["timestamp with letters", withSpan({ startTimeUnixNano: "12a" }), 'span.startTimeUnixNano "12a" is not an unsigned integer'],
    ["negative timestamp", withSpan({ endTimeUnixNano: -1 }), "span.endTimeUnixNano must be a non-negative integer"],
    ["timestamp of the wrong type", withSpan({ startTimeUnixNano: true }), "span.startTimeUnixNano must be an integer"],
    ["event timestamp", withSpan({ events: [{ timeUnixNano: "soon" }] }), 'event.timeUnixNano "soon" is not an unsigned integer'],
    ["events not an array", withSpan({ events: {} }), "span.events must be an array"],
    ["attribute without key", withSpan({ attributes: [{ value: { stringValue: "x" } }] }), "attribute without a string key"],
    ["attributes not an array", withSpan({ attributes: { a: 1 } }), "attributes must be an array of { key, value }"],
    ["id of the wrong type", withSpan({ traceId: 42 }), "ids must be hex strings (JSON) or bytes (protobuf)"],
    ["name not a string", withSpan({ name: 5 }), "span.name must be a string"],
    ["kind not an integer", withSpan({ kind: "client" }), "span.kind must be an integer"],
    ["status not an object", withSpan({ status: 2 }), "span.status must be an object"],
    ["bad intValue", withSpan({ attributes: [{ key: "a", value: { intValue: "1.5" } }] }), 'intValue "1.5" is not an integer'],
  ])("%s", (_label, body, message) => {
    let error: unknown;
    try {
      toTraceRequest(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OtlpShapeError);
    expect((error as Error).message).toBe(message);
  });

  it.each<[string, unknown, string]>([
    ["resourceLogs not an array", { resourceLogs: 1 }, "resourceLogs must be an array"],
    ["logRecords not an array", { resourceLogs: [{ scopeLogs: [{ logRecords: {} }] }] }, "logRecords must be an array"],
    ["log record not an object", { resourceLogs: [{ scopeLogs: [{ logRecords: [null] }] }] }, "logRecord must be an object"],
    ["eventName not a string", { resourceLogs: [{ scopeLogs: [{ logRecords: [{ eventName: 1 }] }] }] }, "logRecord.eventName must be a string"],
  ])("logs: %s", (_label, body, message) => {
    expect(() => toLogsRequest(body)).toThrow(message);
  });

  it("says when the body is not JSON", () => {
    expect(() => parseTraceRequest(utf8("{nope"), "json")).toThrow(OtlpShapeError);
    expect(() => parseTraceRequest(utf8("{nope"), "json")).toThrow(/^body is not valid JSON: /);
  });
});
