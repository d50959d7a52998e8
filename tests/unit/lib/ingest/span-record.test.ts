import { describe, expect, it } from "vitest";
import { SPAN_COLUMNS, spanRow, type SpanRecord } from "@/lib/ingest/span-record";

describe("spanRow", () => {
  it("lists every column's value at that column's position, the project first", () => {
    // A distinct value per column: two columns swapped in spanRow would show here.
    const values = Object.fromEntries(SPAN_COLUMNS.map((column, i) => [column, `${column}-${i}`])) as Record<string, string>;
    const row = spanRow(values.projectId!, values as unknown as SpanRecord);
    expect(row).toEqual(SPAN_COLUMNS.map((column) => values[column]));
    expect(row).toHaveLength(SPAN_COLUMNS.length);
    expect(SPAN_COLUMNS[0]).toBe("projectId");
  });
});
