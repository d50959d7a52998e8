import { describe, expect, it } from "vitest";
import { newCommentSchema, normaliseTags, putTagsSchema } from "@/lib/retro/collab/comment-schemas";
import { hideSpanContent, HIDDEN } from "@/lib/retro/collab/hide-content";
import { buildOtlpJson, toAnyValue, type ExportableSpan } from "@/lib/retro/collab/otlp-json";
import { csvCell } from "@/lib/retro/collab/summary-csv";
import { parseTraceFilters } from "@/lib/trace/trace-params";
import type { Span } from "@/lib/trace/types";

describe("comment and tag validation", () => {
  it("takes 10,000 characters (counted in code points) and refuses one more", () => {
    expect(newCommentSchema.safeParse({ body: "😀".repeat(10_000) }).success).toBe(true);
    const tooLong = newCommentSchema.safeParse({ body: "x".repeat(10_001) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toContain("10,000");
    expect(newCommentSchema.safeParse({ body: " \n " }).success).toBe(false);
    expect(newCommentSchema.safeParse({ body: "ok", extra: 1 }).success).toBe(false);
  });

  it("refuses tags with control characters and trims the rest", () => {
    for (const bad of ["a\u0000b", "tab\there", "nl\n", "del\u007f", "c1\u009b", "ls\u2028", "", "   ", "x".repeat(65)]) {
      expect(putTagsSchema.safeParse({ tags: [bad] }).success, JSON.stringify(bad)).toBe(false);
    }
    const parsed = putTagsSchema.parse({ tags: [" tool_error ", "café", "tool_error"] });
    expect(normaliseTags(parsed.tags)).toEqual(["tool_error", "café"]);
  });

  it("reads a repeated tag filter as all of them", () => {
    const parsed = parseTraceFilters(
      new URLSearchParams([
        ["tag", "a"],
        ["tag", "b"],
        ["status", "error"],
      ]),
    );
    expect(parsed).toMatchObject({ ok: true, filters: { tags: ["a", "b"], status: "error" } });
    expect(parseTraceFilters(new URLSearchParams([["tag", "a\u0001"]]))).toMatchObject({ ok: false, parameter: "tag" });
  });
});

describe("OTLP JSON export", () => {
  it("turns stored attribute values into OTLP any-values", () => {
    expect(toAnyValue("x")).toEqual({ stringValue: "x" });
    expect(toAnyValue(42)).toEqual({ intValue: "42" });
    expect(toAnyValue(0.5)).toEqual({ doubleValue: 0.5 });
    expect(toAnyValue(true)).toEqual({ boolValue: true });
    expect(toAnyValue([1, "a"])).toEqual({ arrayValue: { values: [{ intValue: "1" }, { stringValue: "a" }] } });
    expect(toAnyValue({ k: false })).toEqual({ kvlistValue: { values: [{ key: "k", value: { boolValue: false } }] } });
  });

  it("groups spans by resource and scope and keeps nanosecond times", () => {
    const span = (spanId: string, resourceKey: string, scopeName: string | null): ExportableSpan => ({
      traceId: "a".repeat(32),
      spanId,
      parentSpanId: null,
      name: "s",
      spanKind: 2,
      scopeName,
      resourceKey,
      startNs: "1700000000123456789",
      endNs: "1700000000223456789",
      status: "error",
      statusMessage: "boom",
      attributes: { n: 1 },
      events: [{ name: "e", timeNs: "1700000000123456790", attributes: {} }],
      links: [],
    });
    const request = buildOtlpJson(
      [span("1".repeat(16), "r1", "a"), span("2".repeat(16), "r1", "b"), span("3".repeat(16), "r2", null)],
      new Map([["r1", { "service.name": "x" }]]),
    );
    expect(request.resourceSpans).toHaveLength(2);
    expect(request.resourceSpans[0]!.resource.attributes).toEqual([{ key: "service.name", value: { stringValue: "x" } }]);
    expect(request.resourceSpans[0]!.scopeSpans.map((s) => s.scope.name)).toEqual(["a", "b"]);
    const first = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(first).toMatchObject({ kind: 2, startTimeUnixNano: "1700000000123456789", status: { code: 2, message: "boom" } });
    expect(first.events[0]!.timeUnixNano).toBe("1700000000123456790");
  });
});

describe("CSV cells", () => {
  it("quotes separators and defuses spreadsheet formulas", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
  });
});

describe("hidden content", () => {
  it("withholds inputs, outputs, messages and attribute values but keeps the shape", () => {
    const span = {
      input: "secret",
      output: null,
      statusMessage: "failed for maya@example.org",
      attributes: { a: "secret" },
      events: [{ name: "exception", time: "t", attributes: { m: "x" } }],
      name: "chat",
    } as unknown as Span;
    const hidden = hideSpanContent(span);
    expect(hidden).toMatchObject({
      name: "chat",
      input: HIDDEN,
      output: null,
      statusMessage: HIDDEN,
      attributes: { a: HIDDEN },
      events: [{ name: "exception", attributes: { m: HIDDEN } }],
    });
  });
});
