// AnyValue / KeyValue conversion for OTLP/JSON and protobuf-decoded (Long) values.
import { describe, expect, it } from "vitest";
import { anyValueToJs, int64ToValue, keyValuesToObject } from "@/lib/ingest/attributes";
import { OtlpShapeError } from "@/lib/ingest/otlp-types";

/** A protobufjs Long as it arrives from the decoder (signed, two 32-bit halves). */
const long = (value: bigint) => ({ low: Number(BigInt.asIntN(32, value)), high: Number(BigInt.asIntN(32, value >> 32n)), unsigned: false });

describe("int64ToValue", () => {
  it.each<[string, unknown, number | string]>([
    ["JSON number", 42, 42],
    ["JSON string", "42", 42],
    ["negative string", "-7", -7],
    ["string beyond 2^53 stays exact text", "9007199254740993", "9007199254740993"],
    ["largest safe integer as a number", "9007199254740991", 9007199254740991],
    ["min int64 as text", "-9223372036854775808", "-9223372036854775808"],
    ["Long zero", long(0n), 0],
    ["Long small", long(123n), 123],
    ["Long negative", long(-5n), -5],
    ["Long above 2^32", long(2n ** 40n + 3n), 2 ** 40 + 3],
    ["Long beyond 2^53", long(2n ** 53n + 1n), "9007199254740993"],
    ["Long max int64", long(2n ** 63n - 1n), "9223372036854775807"],
    ["Long min int64", long(-(2n ** 63n)), "-9223372036854775808"],
  ])("%s", (_label, raw, expected) => {
    expect(int64ToValue(raw)).toBe(expected);
  });

  it.each(["1.5", "abc", "", "1e3"])("rejects %j with a message naming intValue", (raw) => {
    expect(() => int64ToValue(raw)).toThrow(OtlpShapeError);
    expect(() => int64ToValue(raw)).toThrow(`intValue "${raw}" is not an integer`);
  });
});

describe("anyValueToJs (OTLP/JSON)", () => {
  it.each<[string, unknown, unknown]>([
    ["string", { stringValue: "hi" }, "hi"],
    ["empty string", { stringValue: "" }, ""],
    ["true", { boolValue: true }, true],
    ["false", { boolValue: false }, false],
    ["int as string", { intValue: "12" }, 12],
    ["int as number", { intValue: 12 }, 12],
    ["int zero", { intValue: "0" }, 0],
    ["double", { doubleValue: 0.25 }, 0.25],
    ["double zero", { doubleValue: 0 }, 0],
    ["bytes stay base64", { bytesValue: "AQID" }, "AQID"],
    ["bytes from a Uint8Array", { bytesValue: new Uint8Array([1, 2, 3]) }, "AQID"],
    ["array", { arrayValue: { values: [{ stringValue: "a" }, { intValue: "1" }, { boolValue: false }] } }, ["a", 1, false]],
    ["empty array", { arrayValue: {} }, []],
    [
      "nested kvlist and array",
      {
        kvlistValue: { values: [{ key: "a", value: { arrayValue: { values: [{ kvlistValue: { values: [{ key: "b", value: { doubleValue: 1.5 } }] } }] } } }] },
      },
      { a: [{ b: 1.5 }] },
    ],
    ["empty kvlist", { kvlistValue: {} }, {}],
    ["empty AnyValue", {}, null],
    ["null", null, null],
    ["undefined", undefined, null],
    ["unknown member", { fooValue: 1 }, null],
    ["null members are skipped", { stringValue: null, intValue: "5" }, 5],
  ])("%s", (_label, value, expected) => {
    expect(anyValueToJs(value)).toEqual(expected);
  });

  it("ignores a value inherited from the prototype (protobufjs defaults)", () => {
    const value = Object.create({ stringValue: "" }) as Record<string, unknown>;
    value.boolValue = false;
    expect(anyValueToJs(value)).toBe(false);
  });

  it.each<[string, unknown, string]>([
    ["a bare string", "hi", "attribute value must be an AnyValue object"],
    ["an array", [1], "attribute value must be an AnyValue object"],
    ["a bad int", { intValue: "x" }, 'intValue "x" is not an integer'],
  ])("rejects %s", (_label, value, message) => {
    expect(() => anyValueToJs(value)).toThrow(OtlpShapeError);
    expect(() => anyValueToJs(value)).toThrow(message);
  });

  it("rejects nesting deeper than 32 levels", () => {
    let value: unknown = { stringValue: "leaf" };
    for (let i = 0; i < 40; i++) value = { arrayValue: { values: [value] } };
    expect(() => anyValueToJs(value)).toThrow("nested deeper than 32 levels");
  });
});

describe("keyValuesToObject", () => {
  it("maps keys to values; a later duplicate wins", () => {
    expect(
      keyValuesToObject([
        { key: "a", value: { stringValue: "1" } },
        { key: "b", value: { intValue: "2" } },
        { key: "a", value: { stringValue: "3" } },
        { key: "c" },
      ]),
    ).toEqual({ a: "3", b: 2, c: null });
  });

  it.each([null, undefined])("treats %s as no attributes", (list) => {
    expect(keyValuesToObject(list)).toEqual({});
  });

  it.each<[string, unknown, string]>([
    ["not an array", { key: "a" }, "attributes must be an array of { key, value }"],
    ["an entry without key", [{ value: { stringValue: "x" } }], "attribute without a string key"],
    ["a numeric key", [{ key: 1, value: {} }], "attribute without a string key"],
    ["a non-object entry", ["a"], "attribute without a string key"],
  ])("rejects %s", (_label, list, message) => {
    expect(() => keyValuesToObject(list)).toThrow(OtlpShapeError);
    expect(() => keyValuesToObject(list)).toThrow(message);
  });
});
