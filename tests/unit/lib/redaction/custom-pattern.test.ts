import { describe, expect, it } from "vitest";
import { compileRedaction, RedactionConfigError } from "@/lib/redaction";

const withPattern = (regex: string, name = "ticket") => compileRedaction({ detectors: [], patterns: [{ name, regex }] });

describe("custom patterns", () => {
  it("redacts matches under the pattern's name, Unicode-aware", () => {
    const r = withPattern(String.raw`EMP-\d{6}`, "employee_id");
    expect(r.redactText("EMP-123456 and EMP-654321, not EMP-12")).toBe("[REDACTED:employee_id] and [REDACTED:employee_id], not EMP-12");
    expect(withPattern(String.raw`\p{Lu}{3}-\d{4}`).redactText("réf ÉTÉ-2024")).toBe("réf [REDACTED:ticket]");
  });

  it("works beside the built-in detectors: overlapping matches become one, named after the longest, else the custom pattern", () => {
    const r = compileRedaction({ detectors: ["email"], patterns: [{ name: "corp_address", regex: String.raw`[a-z]{1,20}@corp\.example\.com` }] });
    expect(r.redactText("to maya@corp.example.com and bo@example.org")).toBe("to [REDACTED:corp_address] and [REDACTED:email]");
    const wider = compileRedaction({ detectors: ["email"], patterns: [{ name: "handle", regex: String.raw`@[a-z]{1,10}` }] });
    expect(wider.redactText("to maya@corp.example.com")).toBe("to [REDACTED:email]");
  });

  it.each([
    ["(unclosed", /not a valid regular expression/],
    ["[z-a]", /not a valid regular expression/],
    [String.raw`\_x`, /not a valid regular expression/], // an identity escape the u flag forbids
    ["", /regex is empty/],
    ["x".repeat(501), /longer than 500/],
    ["a{0,3}", /empty string/],
    ["(?:x|)", /empty string/],
    [String.raw`\b`, /empty string/],
    ["(?=abc)", /empty string/],
    ["(a+)+$", /without a bound/],
    [String.raw`\w+@`, /"\\w\+" repeats without a bound/],
    [String.raw`x{2,}`, /without a bound/],
    [String.raw`x{1,5000}`, /without a bound of at most 1000/],
    [String.raw`(a{1,9}){1,9}$`, /backtrack catastrophically|too complex/],
    [String.raw`(\w|\d){1,100}x`, /backtrack catastrophically/],
    [String.raw`\w{1,50}\d{1,50}x`, /catastrophic backtracking|backtrack catastrophically/],
    [String.raw`(a)\1`, /backreferences/],
  ])(
    "refuses %j with a reason",
    (regex, reason) => {
      const refusal = (() => {
        try {
          withPattern(regex);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(RedactionConfigError);
      expect((refusal as Error).message).toMatch(reason);
    },
    30_000, // the backtracking analysis takes about a second of CPU on the worst of these
  );

  it("finds matches in JSON text, after an escaped newline, with or without a literal start to look for", () => {
    const json = JSON.stringify({ note: "ids:\nEMP-123456\nx-12-34" });
    const prefixed = withPattern(String.raw`\bEMP-\d{6}\b`, "employee_id").redactJsonText(json);
    expect(JSON.parse(prefixed)).toEqual({ note: "ids:\n[REDACTED:employee_id]\nx-12-34" });
    const bare = withPattern(String.raw`\b[a-z]-\d{2}-\d{2}\b`, "code").redactJsonText(json);
    expect(JSON.parse(bare)).toEqual({ note: "ids:\nEMP-123456\n[REDACTED:code]" });
  });

  it("accepts bounded repetition where an unbounded one is refused", () => {
    expect(withPattern(String.raw`\w{1,64}@corp\.example`).redactText("x maya@corp.example")).toBe("x [REDACTED:ticket]");
  });

  it("names the pattern in the error", () => {
    expect(() => withPattern(String.raw`\w+@`, "bad_one")).toThrow(/pattern "bad_one"/);
  });
});

describe("configuration", () => {
  it.each([
    [null, /must be an object/],
    [{ detectors: "email" }, /detectors must be an array/],
    [{ detectors: ["emails"] }, /unknown detector "emails"/],
    [{ patterns: {} }, /patterns must be an array/],
    [{ patterns: [{ name: "x" }] }, /patterns\[0\] must be/],
    [{ patterns: [{ name: "a]b", regex: "x" }] }, /patterns\[0\]\.name/],
    [{ patterns: [{ name: "email", regex: "x" }] }, /built-in detector/],
    [
      {
        patterns: [
          { name: "t", regex: "x" },
          { name: "t", regex: "y" },
        ],
      },
      /another pattern/,
    ],
    [{ patterns: Array.from({ length: 33 }, (_, i) => ({ name: `p${i}`, regex: "x" })) }, /at most 32/],
  ])("refuses %j", (config, reason) => {
    expect(() => compileRedaction(config)).toThrow(reason);
  });

  it("is inactive when nothing is chosen, and returns text untouched", () => {
    const r = compileRedaction({ detectors: [], patterns: [] });
    expect(r.active).toBe(false);
    expect(r.redactText("maya@example.com")).toBe("maya@example.com");
  });

  it("caches compiled redactors by their settings, whatever the order of detectors", () => {
    expect(compileRedaction({ detectors: ["email", "phone"], patterns: [] })).toBe(compileRedaction({ detectors: ["phone", "email"] }));
  });
});
