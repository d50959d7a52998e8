// decodeTraceRequestProtobuf must give exactly what toTraceRequest(TraceRequest.decode(bytes)) gives
// (the general path it replaces for protobuf bodies), and only ever throw OtlpShapeError.
import fs from "node:fs";
import path from "node:path";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { OTLP_PROTO } from "@/lib/ingest/otlp-schema";
import { decodeTraceRequestProtobuf } from "@/lib/ingest/otlp-trace-decoder";
import { OtlpShapeError, type OtlpTraceRequest } from "@/lib/ingest/otlp-types";
import { toTraceRequest } from "@/lib/ingest/parse";
import { createRandom } from "@/scripts/demo/random";
import { buildWorkload } from "@/scripts/bench/encode";
import { readFixtureJson, SPAN_ID, TRACE_ID } from "./support/otlp";

const TraceRequest = protobuf.parse(OTLP_PROTO).root.lookupType("hindsight.otlp.ExportTraceServiceRequest");
const PREFIX = "body is not a valid protobuf ExportTraceServiceRequest: ";

/** The path this decoder replaces, with parse.ts's error wrapping. */
function oldDecode(bytes: Uint8Array): OtlpTraceRequest {
  let message: unknown;
  try {
    message = TraceRequest.decode(bytes);
  } catch (error) {
    throw new OtlpShapeError(PREFIX + (error as Error).message);
  }
  return toTraceRequest(message);
}

type Outcome = { ok: true; value: OtlpTraceRequest } | { ok: false; error: unknown };
const attempt = (decode: (b: Uint8Array) => OtlpTraceRequest, bytes: Uint8Array): Outcome => {
  try {
    return { ok: true, value: decode(bytes) };
  } catch (error) {
    return { ok: false, error };
  }
};

// ---- raw wire builders (protobufjs Writer), for bodies protobufjs's encoder would never produce ----
const w = () => protobuf.Writer.create();
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const msg = (field: number, ...parts: Uint8Array[]) =>
  w()
    .uint32((field << 3) | 2)
    .bytes(cat(...parts))
    .finish();
const str = (field: number, value: string) =>
  w()
    .uint32((field << 3) | 2)
    .string(value)
    .finish();
const raw = (field: number, value: Uint8Array) =>
  w()
    .uint32((field << 3) | 2)
    .bytes(value)
    .finish();
const varint = (field: number, value: number | string) =>
  w()
    .uint32(field << 3)
    .int64(value)
    .finish();
const fixed64 = (field: number, value: string) =>
  w()
    .uint32((field << 3) | 1)
    .fixed64(value)
    .finish();
const fixed32 = (field: number, value: number) =>
  w()
    .uint32((field << 3) | 5)
    .fixed32(value)
    .finish();
const double = (field: number, value: number) =>
  w()
    .uint32((field << 3) | 1)
    .double(value)
    .finish();
/** Unknown fields of every wire type, a group included: every level must skip them. */
const UNKNOWN = cat(
  varint(90, "18446744073709551615"),
  fixed64(91, "1"),
  str(92, "later field"),
  fixed32(93, 7),
  w()
    .uint32((94 << 3) | 3)
    .uint32(95 << 3)
    .uint32(1)
    .uint32((94 << 3) | 4)
    .finish(),
);
const kv = (key: string, ...value: Uint8Array[]) => cat(str(1, key), msg(2, ...value));
const kvlist = (...entries: Uint8Array[]) => msg(6, ...entries.map((entry) => msg(1, entry)));
const body = (...resourceSpans: Uint8Array[]) => cat(...resourceSpans.map((rs) => msg(1, rs)));
const oneSpan = (...span: Uint8Array[]) => body(msg(2, msg(2, ...span)));
const firstSpan = (r: OtlpTraceRequest) => r.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;

/** Both decoders agree on `bytes`, given as a Buffer (as the receiver does) and as a plain Uint8Array. */
function same(bytes: Uint8Array): OtlpTraceRequest {
  const buffer = Buffer.from(bytes); // what the receiver hands over
  const decoded = decodeTraceRequestProtobuf(buffer);
  expect(decoded).toStrictEqual(oldDecode(buffer));
  // A normalise worker gets a plain Uint8Array: it must decode exactly as the request thread does.
  expect(decodeTraceRequestProtobuf(new Uint8Array(bytes))).toStrictEqual(decoded);
  return decoded;
}

function expectShapeError(decode: (b: Uint8Array) => unknown, bytes: Uint8Array, message?: RegExp): void {
  expect(() => decode(bytes)).toThrow(OtlpShapeError);
  if (message) expect(() => decode(bytes)).toThrow(message);
}

describe("equivalence on captured fixtures", () => {
  const names = fs.readdirSync(path.resolve(import.meta.dirname, "../../../fixtures/otlp")).filter((f) => f.endsWith(".json") && !f.endsWith(".logs.json"));

  it("finds the fixtures", () => expect(names.length).toBeGreaterThanOrEqual(5));

  it.each(names)("%s", (name) => {
    const json = readFixtureJson(name);
    // OTLP/JSON to protobuf: hex ids become bytes; fromObject takes int64 / fixed64 as decimal text.
    const ids = new Set(["traceId", "spanId", "parentSpanId"]);
    const toProto = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(toProto);
      if (typeof value !== "object" || value === null) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ids.has(k) && typeof v === "string" ? Buffer.from(v, "hex") : toProto(v)]));
    };
    const bytes = TraceRequest.encode(TraceRequest.fromObject(toProto(json) as Record<string, unknown>)).finish();
    const decoded = same(Buffer.from(bytes));
    // and the conversion was faithful: the JSON path gives the same request
    expect(decoded).toStrictEqual(toTraceRequest(json));
    expect(decoded.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)).length).toBeGreaterThan(0);
  });
});

describe("equivalence on the benchmark workload", () => {
  it("decodes every body of buildWorkload(20_000, 512, 20261121) like the general path", () => {
    const workload = buildWorkload(20_000, 512, 20261121);
    let spans = 0;
    for (const [i, bytes] of workload.bodies.entries()) {
      const decoded = decodeTraceRequestProtobuf(bytes);
      expect(decoded).toStrictEqual(oldDecode(bytes));
      const count = decoded.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)).length;
      expect(count).toBe(workload.spansPerBody[i]);
      spans += count;
    }
    expect(spans).toBe(workload.spans);
  }, 120_000);
});

describe("hand-built edge cases", () => {
  const encode = (object: Record<string, unknown>) => TraceRequest.encode(TraceRequest.fromObject(object)).finish();
  const withAttributes = (attributes: unknown[]) => encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ attributes }] }] }] });

  it("keeps every AnyValue member, nested arrays and kvlists, int64 past 2^53 and negative, bytes", () => {
    const decoded = same(
      withAttributes([
        { key: "s", value: { stringValue: "hé ✓ 𝄞" } },
        { key: "empty", value: { stringValue: "" } },
        { key: "t", value: { boolValue: true } },
        { key: "f", value: { boolValue: false } },
        { key: "zero", value: { intValue: 0 } },
        { key: "neg", value: { intValue: -5 } },
        { key: "maxSafe", value: { intValue: "9007199254740991" } },
        { key: "big", value: { intValue: "9007199254740993" } },
        { key: "minSafe", value: { intValue: "-9007199254740991" } },
        { key: "bigNeg", value: { intValue: "-9007199254740993" } },
        { key: "max", value: { intValue: "9223372036854775807" } },
        { key: "min", value: { intValue: "-9223372036854775808" } },
        { key: "d", value: { doubleValue: -1.25 } },
        { key: "d0", value: { doubleValue: 0 } },
        { key: "bytes", value: { bytesValue: Buffer.from([0, 1, 2, 255]) } },
        { key: "noBytes", value: { bytesValue: Buffer.alloc(0) } },
        { key: "arr", value: { arrayValue: { values: [{ stringValue: "a" }, { intValue: 1 }, { arrayValue: { values: [{ boolValue: false }] } }, {}] } } },
        { key: "emptyArr", value: { arrayValue: {} } },
        { key: "emptyKv", value: { kvlistValue: {} } },
        {
          key: "kv",
          value: {
            kvlistValue: {
              values: [
                {
                  key: "in",
                  value: { arrayValue: { values: [{ kvlistValue: { values: [{ key: "x", value: { doubleValue: 0.5 } }, { key: "nothing" }] } }] } },
                },
              ],
            },
          },
        },
        { key: "none", value: {} },
        { key: "noValue" },
        { value: { stringValue: "no key" } },
        { key: "dup", value: { stringValue: "first" } },
        { key: "dup", value: { intValue: 2 } },
      ]),
    );
    expect(firstSpan(decoded).attributes).toStrictEqual({
      s: "hé ✓ 𝄞",
      empty: "",
      t: true,
      f: false,
      zero: 0,
      neg: -5,
      maxSafe: 9007199254740991,
      big: "9007199254740993",
      minSafe: -9007199254740991,
      bigNeg: "-9007199254740993",
      max: "9223372036854775807",
      min: "-9223372036854775808",
      d: -1.25,
      d0: 0,
      bytes: "AAEC/w==",
      noBytes: "",
      arr: ["a", 1, [false], null],
      emptyArr: [],
      emptyKv: {},
      kv: { in: [{ x: 0.5, nothing: null }] },
      none: null,
      noValue: null,
      "": "no key",
      dup: 2,
    });
  });

  it("fills every absent field with toTraceRequest's defaults", () => {
    expect(same(new Uint8Array())).toStrictEqual({ resourceSpans: [] });
    expect(same(encode({ resourceSpans: [{}, { scopeSpans: [{}, { spans: [{}] }] }] }))).toStrictEqual({
      resourceSpans: [
        { resource: {}, scopeSpans: [] },
        {
          resource: {},
          scopeSpans: [
            { scopeName: "", spans: [] },
            {
              scopeName: "",
              spans: [
                {
                  traceId: "",
                  spanId: "",
                  parentSpanId: "",
                  name: "",
                  kind: 0,
                  startTimeUnixNano: 0n,
                  endTimeUnixNano: 0n,
                  attributes: {},
                  events: [],
                  links: [],
                  statusCode: 0,
                  statusMessage: "",
                },
              ],
            },
          ],
        },
      ],
    });
    const span = firstSpan(same(encode({ resourceSpans: [{ scopeSpans: [{ scope: {}, spans: [{ events: [{}], links: [{}], status: {} }] }] }] })));
    expect([span.events, span.links, span.statusCode, span.statusMessage]).toStrictEqual([
      [{ timeUnixNano: 0n, name: "", attributes: {} }],
      [{ traceId: "", spanId: "", attributes: {} }],
      0,
      "",
    ]);
  });

  it("reads fixed64 nanoseconds as unsigned, up to 2^64 - 1", () => {
    const times = ["1", "9007199254740993", "9223372036854775809", "18446744073709551615"];
    for (const time of times) {
      const span = firstSpan(
        same(encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: time, endTimeUnixNano: time, events: [{ timeUnixNano: time }] }] }] }] })),
      );
      expect([span.startTimeUnixNano, span.endTimeUnixNano, span.events[0]!.timeUnixNano]).toStrictEqual([BigInt(time), BigInt(time), BigInt(time)]);
    }
  });

  it("skips unknown fields of every wire type at every message level", () => {
    const anyString = (s: string) => cat(UNKNOWN, str(1, s), UNKNOWN);
    const attribute = (key: string, value: Uint8Array) => msg(9, UNKNOWN, kv(key, value), UNKNOWN);
    const bytes = cat(
      UNKNOWN,
      msg(
        1,
        UNKNOWN,
        msg(1, UNKNOWN, msg(1, kv("service.name", anyString("svc")), UNKNOWN), varint(2, 3), UNKNOWN), // resource
        msg(
          2,
          UNKNOWN,
          msg(1, UNKNOWN, str(1, "scope"), str(2, "1.0"), msg(3, kv("a", str(1, "b"))), varint(4, 1), UNKNOWN), // scope
          msg(
            2,
            UNKNOWN,
            raw(1, Buffer.from(TRACE_ID, "hex")),
            UNKNOWN,
            raw(2, Buffer.from(SPAN_ID, "hex")),
            str(3, "k=v"),
            str(5, "root"),
            varint(6, 2),
            fixed64(7, "1700000000000000001"),
            fixed64(8, "1700000000000000002"),
            UNKNOWN,
            attribute("arr", cat(UNKNOWN, msg(5, UNKNOWN, msg(1, anyString("x")), UNKNOWN, msg(1, anyString("y"))))),
            attribute("kv", cat(msg(6, UNKNOWN, msg(1, UNKNOWN, str(1, "k"), UNKNOWN, msg(2, anyString("v")), UNKNOWN), UNKNOWN), UNKNOWN)),
            varint(10, 1),
            msg(11, UNKNOWN, fixed64(1, "5"), str(2, "ev"), msg(3, kv("e", anyString("1"))), varint(4, 1), UNKNOWN),
            varint(12, 1),
            msg(
              13,
              UNKNOWN,
              raw(1, Buffer.from(TRACE_ID, "hex")),
              raw(2, Buffer.from(SPAN_ID, "hex")),
              str(3, "s"),
              msg(4, kv("l", anyString("2"))),
              varint(5, 1),
              fixed32(6, 1),
              UNKNOWN,
            ),
            varint(14, 1),
            msg(15, UNKNOWN, varint(1, 2), str(2, "bad"), varint(3, 2), UNKNOWN),
            fixed32(16, 257),
            UNKNOWN,
          ),
          str(3, "https://schema"),
          UNKNOWN,
        ),
        str(3, "https://schema"),
        UNKNOWN,
      ),
      UNKNOWN,
    );
    expect(same(bytes)).toStrictEqual({
      resourceSpans: [
        {
          resource: { "service.name": "svc" },
          scopeSpans: [
            {
              scopeName: "scope",
              scopeVersion: "1.0",
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  parentSpanId: "",
                  name: "root",
                  kind: 2,
                  startTimeUnixNano: 1700000000000000001n,
                  endTimeUnixNano: 1700000000000000002n,
                  attributes: { arr: ["x", "y"], kv: { k: "v" } },
                  events: [{ timeUnixNano: 5n, name: "ev", attributes: { e: "1" } }],
                  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, attributes: { l: "2" } }],
                  statusCode: 2,
                  statusMessage: "bad",
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("takes the oneof member anyValueToJs would take when several are sent (by rank, not wire order)", () => {
    const members: [string, Uint8Array][] = [
      ["s", str(1, "s")],
      ["true", varint(2, 1)],
      ["7", varint(3, 7)],
      ["0.5", double(4, 0.5)],
      ["arr", msg(5, msg(1, str(1, "a")))],
      ["kv", kvlist(kv("k", str(1, "v")))],
      ["bytes", raw(7, Buffer.from([1]))],
    ];
    const plain: Record<string, unknown> = { s: "s", true: true, 7: 7, 0.5: 0.5, arr: ["a"], kv: { k: "v" }, bytes: "AQ==" };
    for (const [i, [a, first]] of members.entries()) {
      for (const [j, [b, second]] of members.entries()) {
        const attributes = firstSpan(same(oneSpan(msg(9, kv("v", first, second))))).attributes;
        expect(attributes.v).toStrictEqual(plain[i <= j ? a : b]);
      }
    }
    expect(firstSpan(same(oneSpan(msg(9, kv("v", str(1, "one"), varint(3, 1), str(1, "two"))))))).toMatchObject({ attributes: { v: "two" } });
  });

  it("concatenates split repeated fields and replaces repeated embedded messages, as protobufjs does", () => {
    const decoded = same(
      body(
        cat(msg(1, msg(1, kv("a", str(1, "1")))), msg(2, msg(1, str(1, "old scope")), msg(2, str(5, "one"))), msg(1, msg(1, kv("b", str(1, "2"))))),
        msg(
          2,
          msg(
            2,
            str(5, "two"),
            msg(9, kv("x", str(1, "1"))),
            msg(15, varint(3, 2), str(2, "m")),
            msg(9, kv("y", str(1, "2"))),
            msg(15, str(2, "only message")),
            msg(9, kv("x", str(1, "3"))),
            msg(9, kv("kv", kvlist(kv("p", str(1, "1"))), kvlist(kv("q", str(1, "2"))))),
          ),
          msg(1, str(1, "new scope")),
        ),
      ),
    );
    expect(decoded.resourceSpans[0]).toStrictEqual({
      resource: { b: "2" },
      scopeSpans: [{ scopeName: "old scope", spans: [expect.objectContaining({ name: "one" })] }],
    });
    expect(decoded.resourceSpans[1]!.scopeSpans[0]).toMatchObject({
      scopeName: "new scope",
      spans: [{ name: "two", statusCode: 0, statusMessage: "only message", attributes: { x: "3", y: "2", kv: { q: "2" } } }],
    });
  });

  it("handles invalid UTF-8 as protobufjs does for Buffers, and plain Uint8Arrays the same way", () => {
    const bad = Buffer.from([0x61, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]);
    const bytes = oneSpan(raw(5, bad), msg(9, raw(1, bad), msg(2, raw(1, bad))));
    same(bytes);
    expect(firstSpan(decodeTraceRequestProtobuf(Buffer.from(bytes))).name).toBe(bad.toString("utf8"));
  });

  const nested = (levels: number, kind: "array" | "kvlist") => {
    let value = str(1, "leaf");
    for (let i = 0; i < levels; i++) value = kind === "array" ? msg(5, msg(1, value)) : kvlist(kv("k", value));
    return oneSpan(msg(9, kv("deep", value)));
  };

  it("accepts values nested 32 levels deep and rejects 33, like anyValueToJs", () => {
    expect(JSON.stringify(firstSpan(same(nested(32, "array"))).attributes)).toBe(`{"deep":${"[".repeat(32)}"leaf"${"]".repeat(32)}}`);
    expectShapeError(oldDecode, nested(33, "array"), /nested deeper than 32 levels/);
    expectShapeError(decodeTraceRequestProtobuf, nested(33, "array"), /nested deeper than 32 levels/);
  });

  it("rejects kvlists nested past protobufjs's 100-message limit, like protobufjs", () => {
    expect(JSON.stringify(firstSpan(same(nested(31, "kvlist"))).attributes)).toContain('"leaf"');
    for (const decode of [oldDecode, decodeTraceRequestProtobuf]) expectShapeError(decode, nested(32, "kvlist"), /maximum nesting depth exceeded/);
  });
});

describe("malformed bodies throw OtlpShapeError", () => {
  const valid = oneSpan(str(5, "name"), msg(9, kv("k", str(1, "v"))));
  it.each<[string, Uint8Array]>([
    ["truncated length-delimited field", new Uint8Array([0x0a, 0xff])],
    ["varint longer than 10 bytes", cat(new Uint8Array([0x08]), new Uint8Array(12).fill(0xff))],
    ["length past the end", valid.subarray(0, valid.length - 1)],
    ["bogus 4 GB length", new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00])],
    ["stray end-group tag", new Uint8Array([0x0c])],
    ["wire type 6", new Uint8Array([0x16, 0x00])],
    ["group never closed", new Uint8Array([0x0b, 0x08, 0x01])],
    ["fixed64 cut short", oneSpan(new Uint8Array([0x39, 1, 2, 3]))],
    ["nested message longer than its parent", body(cat(new Uint8Array([0x12, 0x05]), msg(2, str(5, "name"))))],
    // protobufjs reads a 4th varint byte near a message end unchecked; the end check must catch it
    ["int64 varint running past its AnyValue", oneSpan(msg(9, kv("k", new Uint8Array([0x18, 0x80, 0x80, 0x80]))))],
  ])("%s", (_label, bytes) => {
    expectShapeError(decodeTraceRequestProtobuf, bytes, new RegExp(`^${PREFIX}`));
    expectShapeError(oldDecode, bytes);
  });

  it.each<[string, Uint8Array]>([
    ["span name as a varint", oneSpan(varint(5, 1))],
    ["start time as a varint", oneSpan(varint(7, 1))],
    ["attribute as fixed32", oneSpan(fixed32(9, 1))],
    ["intValue as length-delimited", oneSpan(msg(9, kv("k", str(3, "1"))))],
    ["resourceSpans as a varint", varint(1, 1)],
  ])("a known field with the wrong wire type: %s", (_label, bytes) => {
    expectShapeError(decodeTraceRequestProtobuf, bytes, /has wire type/);
  });

  it("rejects a string running past its message, which protobufjs's BufferReader silently truncates", () => {
    // KeyValue { key: length 9 but 2 bytes left in the KeyValue } inside a well-formed span
    const bytes = Buffer.from(oneSpan(raw(9, new Uint8Array([0x0a, 0x09, 0x61, 0x62]))));
    expect(firstSpan(oldDecode(bytes)).attributes).toStrictEqual({ ab: null });
    expectShapeError(decodeTraceRequestProtobuf, bytes, /length 9 at offset \d+ runs past the end of its message/);
  });
});

describe("corrupted workload bodies", () => {
  it("either decode like the general path or throw OtlpShapeError, never anything else", () => {
    const small = buildWorkload(2_000, 8, 20261121).bodies; // small bodies keep a few thousand cases fast
    const large = buildWorkload(2_000, 512, 20261121).bodies.slice(0, 2);
    const rng = createRandom(4242);
    const tally = { bothOk: 0, bothThrow: 0, onlyOldOk: 0, onlyNewOk: 0 };
    const check = (bytes: Buffer) => {
      const mine = attempt(decodeTraceRequestProtobuf, bytes);
      if (!mine.ok && !(mine.error instanceof OtlpShapeError)) throw mine.error;
      const theirs = attempt(oldDecode, bytes);
      if (mine.ok && theirs.ok) expect(mine.value).toStrictEqual(theirs.value);
      // Accepted by the general path but not here: only the two documented stricter rules.
      if (!mine.ok && theirs.ok)
        expect((mine.error as Error).message).toMatch(/: (length \d+ at offset \d+ runs past the end of its message|field \d+ has wire type \d)/);
      tally[mine.ok ? (theirs.ok ? "bothOk" : "onlyNewOk") : theirs.ok ? "onlyOldOk" : "bothThrow"] += 1;
    };
    for (let i = 0; i < 4_000; i++) {
      const source = i % 100 === 0 ? rng.pick(large) : rng.pick(small);
      if (i % 2 === 0) {
        check(source.subarray(0, rng.int(0, source.length - 1)));
      } else {
        const copy = Buffer.from(source);
        for (let flips = rng.int(1, 3); flips > 0; flips--) copy[rng.int(0, copy.length - 1)] = rng.int(0, 255);
        check(copy);
      }
    }
    // Both common outcomes must occur often, or the corruption is not exercising anything.
    expect(tally.bothOk).toBeGreaterThan(100);
    expect(tally.bothThrow).toBeGreaterThan(100);
  }, 120_000);
});
