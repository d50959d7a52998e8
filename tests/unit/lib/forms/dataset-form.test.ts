import { describe, expect, it } from "vitest";
import { parseItemField } from "@/lib/forms/dataset-form";

describe("parseItemField", () => {
  it("reads JSON values, and plain text as a string", () => {
    expect(parseItemField('{"q": "refund?"}', "input")).toEqual({ ok: true, value: { q: "refund?" } });
    expect(parseItemField("42", "expectedOutput")).toEqual({ ok: true, value: 42 });
    expect(parseItemField("Where is my parcel?", "input")).toEqual({ ok: true, value: "Where is my parcel?" });
    expect(parseItemField("  ", "expectedOutput")).toEqual({ ok: true, value: null });
  });

  it("refuses text that starts like JSON but does not parse, naming the field", () => {
    const result = parseItemField('{"q": ', "input");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^input: not valid JSON \(/);
    expect(parseItemField("[1, 2", "expectedOutput")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^expectedOutput: not valid JSON/) as unknown,
    });
  });

  it("takes only a JSON object as metadata", () => {
    expect(parseItemField('{"tier": "gold"}', "metadata")).toEqual({ ok: true, value: { tier: "gold" } });
    expect(parseItemField("", "metadata")).toEqual({ ok: true, value: null });
    expect(parseItemField("[1]", "metadata")).toEqual({ ok: false, message: "metadata: must be a JSON object" });
    expect(parseItemField("gold", "metadata")).toMatchObject({ ok: false, message: expect.stringMatching(/^metadata: not valid JSON/) as unknown });
  });
});
