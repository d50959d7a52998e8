// packText / unpackText: the large text columns of spans travel as UTF-8 bytes and come back as the same text.
import { describe, expect, it } from "vitest";
import { PACKED_COLUMNS, packText, unpackText } from "@/lib/ingest/packed-text";
import type { SpanRecord } from "@/lib/ingest/span-record";

const span = (attributes: string, input: string | null, output: string | null, events = "[]") =>
  ({ spanId: "s", attributes, input, output, events }) as SpanRecord;
const decode = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString("utf8"));

describe("packText / unpackText", () => {
  it("round-trips every column of every span, nulls and empty strings included, and empties the spans", () => {
    const spans = [
      span('{"a":1}', null, "ok", ""),
      span("{}", '[{"role":"user","content":"héllo — 你好 🚀"}]', null),
      span("x".repeat(10_000), "", "\u0000 and \ud83d\ude80"),
    ];
    const expected = spans.map((s) => PACKED_COLUMNS.map((column) => s[column]));
    const packed = packText(spans);
    expect(spans.every((s) => PACKED_COLUMNS.every((column) => s[column] === null))).toBe(true);
    expect(unpackText(packed).map((text) => text.map(decode))).toEqual(expected);
  });

  it("grows the buffer when multi-byte text needs more bytes than it has characters", () => {
    // Capacity is estimated from character counts; three-byte characters need three times that.
    const wide = "你".repeat(50_000);
    const packed = packText([span(wide, wide, null), span("after", null, null)]);
    expect(unpackText(packed).map((text) => text.map(decode))).toEqual([
      [wide, wide, null, "[]"],
      ["after", null, null, "[]"],
    ]);
  });

  it("packs a batch without spans", () => {
    expect(unpackText(packText([]))).toEqual([]);
  });
});
