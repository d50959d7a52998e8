import { describe, expect, it } from "vitest";
import { BATCH_MAX_TRACES, BATCH_SPAN_BUDGET, detailBatches, joinIntoChunks } from "@/lib/retro/collab/export-batches";

const traces = (...spanCounts: number[]) => spanCounts.map((spanCount, i) => ({ id: i, spanCount }));

describe("detailBatches", () => {
  it("keeps every trace once, in order", () => {
    const input = traces(...Array.from({ length: 1000 }, (_, i) => (i % 7) + 1));
    expect(detailBatches(input).flat()).toEqual(input);
  });

  it("closes a batch before it would pass the span budget", () => {
    const half = BATCH_SPAN_BUDGET / 2;
    expect(detailBatches(traces(half, half, 1, half)).map((b) => b.map((t) => t.id))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("gives a trace larger than the budget a batch of its own", () => {
    expect(detailBatches(traces(3, BATCH_SPAN_BUDGET * 4, 3)).map((b) => b.map((t) => t.id))).toEqual([[0], [1], [2]]);
  });

  it("caps the traces per batch, counting empty traces as one span", () => {
    const batches = detailBatches(traces(...Array.from({ length: BATCH_MAX_TRACES * 2 + 1 }, () => 0)));
    expect(batches.map((b) => b.length)).toEqual([BATCH_MAX_TRACES, BATCH_MAX_TRACES, 1]);
  });

  it("returns no batch for no traces", () => {
    expect(detailBatches([])).toEqual([]);
  });
});

describe("joinIntoChunks", () => {
  it("joins lines in order into chunks no longer than the limit, a longer line alone", () => {
    const lines = ["aaa\n", "bb\n", "c\n", "dddddddddd\n", "e\n"];
    const chunks = joinIntoChunks(lines, 8);
    expect(chunks).toEqual(["aaa\nbb\n", "c\n", "dddddddddd\n", "e\n"]);
    expect(chunks.join("")).toBe(lines.join(""));
  });

  it("gives no chunk for no lines", () => {
    expect(joinIntoChunks([])).toEqual([]);
  });
});
