// Properties of redaction on generated JSON: valid JSON stays valid JSON with the same shape, numbers,
// booleans and nulls unchanged, and planted sensitive values gone, wherever they sit (keys, nested JSON
// text, after escapes); arbitrary text never makes a redactor throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL, filler } from "./support";

const PLANTED = ["maya@example.com", "+1 415 555 2671", "4111 1111 1111 1111", `ghp_${filler(36)}`, "192.168.10.20"];

const plantedText = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...PLANTED), fc.constantFrom(" ", "\n", "\t", '"', "("), fc.string({ maxLength: 12 }))
  .map(([before, secret, gap, after]) => `${before}${gap}${secret}${gap === "(" ? ")" : gap} ${after}`);

const text = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), plantedText);
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
    tie("value").map((v) => JSON.stringify(v)), // JSON text inside a string, as messages attributes are
  ),
})).value;

/** The value with every string replaced by a marker: what redaction must leave unchanged. */
function shape(value: unknown): unknown {
  if (typeof value === "string") return "S";
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") return Object.values(value).map(shape);
  return value;
}

describe("redaction properties", () => {
  it("keeps JSON valid and its non-string values unchanged, and leaves none of the planted values", () => {
    fc.assert(
      fc.property(json, (value) => {
        const input = JSON.stringify(value);
        const output = ALL.redactJsonText(input);
        const parsed = JSON.parse(output) as unknown;
        if (!input.includes("{")) expect(shape(parsed)).toEqual(shape(JSON.parse(input))); // keys may merge once redacted
        for (const planted of PLANTED) expect(output).not.toContain(JSON.stringify(planted).slice(1, -1));
      }),
      { seed: 20261209, numRuns: 3000 },
    );
  }, 120_000);

  it("never throws on arbitrary text, as text or as maybe-JSON", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (value) => {
        expect(typeof ALL.redactText(value)).toBe("string");
        expect(typeof ALL.redactStoredText(value)).toBe("string");
      }),
      { seed: 20261210, numRuns: 3000 },
    );
  });
});
