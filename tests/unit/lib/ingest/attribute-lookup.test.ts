import { describe, expect, it } from "vitest";
import { collectIndexed, firstNumber, firstString, firstValue, parseMaybeJson, toNumber } from "@/lib/ingest/attribute-lookup";
import type { OtlpAttributes } from "@/lib/ingest/otlp-types";

describe("firstString", () => {
  it.each<[string, OtlpAttributes, string | null]>([
    ["first present key", { a: "x", b: "y" }, "x"],
    ["skips missing, null, empty and empty arrays", { a: null, b: "", c: [], d: "z" }, "z"],
    ["numbers and booleans as text", { a: 12 }, "12"],
    ["false is a value", { a: false }, "false"],
    ["zero is a value", { a: 0 }, "0"],
    ["arrays and maps are skipped", { a: ["x"], b: { k: "v" }, c: "ok" }, "ok"],
    ["nothing", {}, null],
  ])("%s", (_label, attrs, expected) => {
    expect(firstString(attrs, ["a", "b", "c", "d"])).toBe(expected);
  });
});

describe("toNumber / firstNumber", () => {
  it.each<[unknown, number | null]>([
    [5, 5],
    [0, 0],
    [1.5, 1.5],
    ["42", 42],
    [" 7 ", 7],
    ["", null],
    ["  ", null],
    ["abc", null],
    [-1, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [true, null],
    [null, null],
    [undefined, null],
    [[3], null],
  ])("toNumber(%j) → %j", (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });

  it.each<[OtlpAttributes, number | null]>([
    [{ a: "x", b: 3 }, 3],
    [{ a: -2, b: "4" }, 4],
    [{ a: 0, b: 9 }, 0],
    [{}, null],
  ])("firstNumber(%j) → %j", (attrs, expected) => {
    expect(firstNumber(attrs, ["a", "b"])).toBe(expected);
  });
});

describe("firstValue", () => {
  it.each<[OtlpAttributes, unknown]>([
    [{ a: { k: 1 }, b: "x" }, { k: 1 }],
    [{ a: [], b: [1] }, [1]],
    [{ a: "", b: false }, false],
    [{}, undefined],
  ])("firstValue(%j)", (attrs, expected) => {
    expect(firstValue(attrs, ["a", "b"])).toEqual(expected);
  });
});

describe("parseMaybeJson", () => {
  it.each<[unknown, unknown]>([
    ['{"a":1}', { a: 1 }],
    ["  [1,2] ", [1, 2]],
    ['"quoted"', "quoted"],
    ["plain text", "plain text"],
    ["123", "123"],
    ["true", "true"],
    ["{not json", "{not json"],
    ["[1,", "[1,"],
    [42, 42],
    [null, null],
    [{ a: 1 }, { a: 1 }],
  ])("%j → %j", (value, expected) => {
    expect(parseMaybeJson(value)).toEqual(expected);
  });
});

describe("collectIndexed", () => {
  it("groups prefix.{i}.rest into objects in index order", () => {
    const attrs: OtlpAttributes = {
      "p.1.role": "user",
      "p.0.role": "system",
      "p.0.content": "s",
      "p.1.tool_calls.0.name": "t",
      other: "x",
      "px.0.role": "no",
    };
    expect(collectIndexed(attrs, "p")).toEqual([
      { role: "system", content: "s" },
      { role: "user", "tool_calls.0.name": "t" },
    ]);
  });

  it.each<[string, OtlpAttributes]>([
    ["no rest after the index", { "p.0": "x" }],
    ["non-numeric index", { "p.a.role": "x" }],
    ["negative index", { "p.-1.role": "x" }],
    ["index too large", { "p.10001.role": "x" }],
    ["no matching key", { "q.0.role": "x" }],
  ])("ignores %s", (_label, attrs) => {
    expect(collectIndexed(attrs, "p")).toEqual([]);
  });

  it("compacts gaps", () => {
    expect(collectIndexed({ "p.5.x": 5, "p.2.x": 2 }, "p")).toEqual([{ x: 2 }, { x: 5 }]);
  });
});
