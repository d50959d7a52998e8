import { describe, expect, it } from "vitest";
import { SPAN_COLUMNS, spanRow, type SpanRecord } from "@/lib/ingest/span-record";

describe("spanRow", () => {
  it("lists every column's value at that column's position", () => {
    // A distinct value per column: two columns swapped in spanRow would show here.
    const record = Object.fromEntries(SPAN_COLUMNS.map((column, i) => [column, `${column}-${i}`])) as unknown as SpanRecord;
    expect(spanRow(record)).toEqual(SPAN_COLUMNS.map((column) => record[column]));
    expect(spanRow(record)).toHaveLength(SPAN_COLUMNS.length);
  });
});
