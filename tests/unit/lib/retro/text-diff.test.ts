import { describe, expect, it } from "vitest";
import { displayText, textDiff } from "@/lib/retro/text-diff";

const render = (parts: { op: string; text: string }[]) =>
  parts.map((p) => (p.op === "equal" ? p.text : p.op === "insert" ? `{+${p.text}+}` : `[-${p.text}-]`)).join("");

describe("textDiff", () => {
  it("diffs a short single-line text by word", () => {
    const result = textDiff("Find the order A-1 for Maya", "Find the order A-2 for Maya");
    expect(result).toMatchObject({ granularity: "word", isWholeReplacement: false });
    expect(render(result.parts)).toBe("Find the order A-[-1-]{+2+} for Maya");
  });

  it("diffs JSON by line, pretty-printed with sorted keys, so key order is no change", () => {
    const result = textDiff({ q: "weather", limit: 5 }, '{"limit": 5, "q": "weather in Paris"}');
    expect(result.granularity).toBe("line");
    expect(result.parts).toEqual([
      { op: "equal", text: '{\n  "limit": 5,\n' },
      { op: "delete", text: '  "q": "weather"\n' },
      { op: "insert", text: '  "q": "weather in Paris"\n' },
      { op: "equal", text: "}" },
    ]);
    expect(textDiff({ a: 1, b: 2 }, '{"b":2,"a":1}').parts).toEqual([{ op: "equal", text: '{\n  "a": 1,\n  "b": 2\n}' }]);
  });

  it("shows chat messages with their tool-call arguments unpacked", () => {
    expect(displayText([{ role: "assistant", arguments: '{"id":"A-1"}' }])).toBe(
      '[\n  {\n    "arguments": {\n      "id": "A-1"\n    },\n    "role": "assistant"\n  }\n]',
    );
  });

  it("treats missing content as empty text and can be told the granularity", () => {
    expect(textDiff(null, "new")).toEqual({ granularity: "word", parts: [{ op: "insert", text: "new" }], isWholeReplacement: false });
    expect(textDiff("a b", "a c", { granularity: "line" }).granularity).toBe("line");
    expect(textDiff(undefined, null)).toEqual({ granularity: "word", parts: [], isWholeReplacement: false });
  });

  it("gives up on texts too long or too different to diff finely, as one replacement", () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join("\n");
    const after = Array.from({ length: 20_000 }, (_, i) => `other ${i}`).join("\n");
    const result = textDiff(before, after);
    expect(result).toEqual({
      granularity: "line",
      parts: [
        { op: "delete", text: before },
        { op: "insert", text: after },
      ],
      isWholeReplacement: true,
    });
  });

  it("returns plain text parts that rebuild both texts, markup included as text", () => {
    const before = "<script>alert(1)</script> and more";
    const after = "<b>hi</b> and more";
    const { parts } = textDiff(before, after);
    expect(
      parts
        .filter((p) => p.op !== "insert")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== "delete")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
    expect(parts.every((p) => Object.keys(p).join() === "op,text")).toBe(true);
  });
});
