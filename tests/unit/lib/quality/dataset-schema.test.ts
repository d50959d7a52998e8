import { describe, expect, it } from "vitest";
import { parseDatasetJsonl, toJsonlLine } from "@/lib/quality/dataset-schema";

describe("JSONL import", () => {
  it("reads one item per line, blank lines ignored, and reads an export back", () => {
    const parsed = parseDatasetJsonl('{"input":"a","expectedOutput":"A"}\n\n{"input":{"q":1},"metadata":{"k":"v"}}\n');
    expect(parsed).toEqual({
      ok: true,
      items: [
        { input: "a", expectedOutput: "A", metadata: null, sourceTraceId: null, sourceSpanId: null },
        { input: { q: 1 }, expectedOutput: null, metadata: { k: "v" }, sourceTraceId: null, sourceSpanId: null },
      ],
    });
    const line = toJsonlLine({ id: "x", createdAt: "2026-01-01T00:00:00.000Z", ...(parsed.ok ? parsed.items[1]! : ({} as never)) });
    expect(parseDatasetJsonl(line)).toMatchObject({ ok: true, items: [{ input: { q: 1 }, metadata: { k: "v" } }] });
  });

  it("refuses the whole file, naming every bad line", () => {
    const parsed = parseDatasetJsonl('{"input":"a"}\nnot json\n{"expectedOutput":"x"}\n[1]\n{"input":"b","extra":1}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errorCount).toBe(4);
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(parsed.errors[1]!.message).toBe("input: is required");
    expect(parsed.message).toMatch(/^4 lines are invalid, nothing was imported; line 2: not valid JSON/);
  });

  it("refuses an empty file", () => {
    expect(parseDatasetJsonl("\n\n")).toMatchObject({ ok: false, message: "the file holds no items (one JSON object per line)" });
  });
});
