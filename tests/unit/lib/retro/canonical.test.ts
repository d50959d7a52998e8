import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalHash, canonicalKey, canonicalText } from "@/lib/retro/canonical";
import { sameContent } from "@/lib/retro/same-content";

describe("canonicalText", () => {
  it.each([
    ["key order", { b: 1, a: { d: [1, 2], c: "x" } }, { a: { c: "x", d: [1, 2] }, b: 1 }],
    ["JSON text and the value it parses to", '{"id": 1, "q": "weather"}', { q: "weather", id: 1 }],
    ["whitespace between JSON tokens", '{\n  "id" :1 ,"q":"weather"\n}', '{"q":"weather","id":1}'],
    [
      "JSON text nested in a value (tool-call arguments inside a message)",
      { role: "assistant", arguments: '{"b": 2, "a": 1}' },
      { arguments: { a: 1, b: 2 }, role: "assistant" },
    ],
    ["a number and its JSON text", "42", 42],
    ["double-encoded JSON text", JSON.stringify('{"a": 1}'), { a: 1 }],
    ["undefined members, as JSON drops them", { a: 1, b: undefined }, { a: 1 }],
    ["1 and 1.0", { n: 1.0 }, '{"n": 1}'],
  ])("treats %s as the same", (_label, a, b) => {
    expect(canonicalText(a)).toBe(canonicalText(b));
    expect(sameContent(a, b)).toBe(true);
  });

  it.each([
    ["array order", [1, 2], [2, 1]],
    ["different values", { id: 1 }, { id: 2 }],
    ["a string that only looks numeric inside a value", { zip: "02134" }, { zip: 2134 }],
    ["text that differs in spacing (not JSON)", "find the order", "find  the order"],
    ["text and the same text quoted inside JSON", "hello", { text: "hello" }],
  ])("keeps %s apart", (_label, a, b) => {
    expect(canonicalText(a)).not.toBe(canonicalText(b));
    expect(sameContent(a, b)).toBe(false);
  });

  it("sorts keys and drops spacing in its output", () => {
    expect(canonicalText({ b: [1, { d: true, c: null }], a: "x" })).toBe('{"a":"x","b":[1,{"c":null,"d":true}]}');
  });

  it("never throws on untrusted shapes: cycles, deep nesting, odd scalars, broken JSON text", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(canonicalText(cyclic)).toBe('{"a":1,"self":"[…]"}');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => canonicalText(deep)).not.toThrow();
    expect(canonicalText({ n: NaN, big: 10n, f: () => 1 })).toBe('{"big":10,"n":null}');
    expect(canonicalText('{"unterminated": ')).toBe(JSON.stringify('{"unterminated": '));
  });
});

describe("canonicalKey", () => {
  it("is null for content that was not captured, so it is never 'the same' as anything", () => {
    expect(canonicalKey(null)).toBeNull();
    expect(canonicalKey(undefined)).toBeNull();
    expect(canonicalKey("")).toBe('""');
    expect(canonicalKey({})).toBe("{}");
  });
});

/** A rewrite that keeps the JSON meaning: keys shuffled, nested objects turned into JSON text with odd spacing. */
function rewrite(value: unknown, seed: number, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((item, i) => rewrite(item, seed + i, depth + 1));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v], i) => [k, rewrite(v, seed * 31 + i, depth + 1)] as const);
    entries.sort((x, y) => ((x[0].length * seed) % 7) - ((y[0].length * seed) % 7) || (seed % 2 ? 1 : -1));
    const rewritten = Object.fromEntries(entries);
    return depth > 0 && seed % 3 === 0 ? JSON.stringify(rewritten, null, seed % 4) : rewritten;
  }
  return value;
}

describe("canonical comparison, property-based", () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it("keeps the meaning through key shuffles and JSON text, whichever of text, hash and walk compares", () => {
    fc.assert(
      fc.property(json, fc.nat(), fc.boolean(), (value, seed, asText) => {
        const other = asText ? JSON.stringify(rewrite(value, seed), null, 1) : rewrite(value, seed);
        expect(canonicalText(other)).toBe(canonicalText(value));
        if (value !== null) expect(canonicalHash(other)).toBe(canonicalHash(value)); // null is "not captured"
        expect(sameContent(other, value)).toBe(true);
      }),
    );
  });

  it("agrees between sameContent and the texts on any two values, and hashes equal texts alike", () => {
    const small = fc.oneof(
      json,
      fc.constantFrom<unknown>("1", 1, "[1]", [1], '{"a":1}', { a: 1 }, { a: 1, b: undefined }, [undefined], [null], NaN, null, "null"),
    );
    fc.assert(
      fc.property(small, small, (a, b) => {
        const sameText = canonicalText(a) === canonicalText(b);
        expect(sameContent(a, b)).toBe(sameText);
        if (sameText && a != null && b != null) expect(canonicalHash(a)).toBe(canonicalHash(b)); // null: not captured
      }),
      { numRuns: 500 },
    );
  });
});
