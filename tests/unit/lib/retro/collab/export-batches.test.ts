import { describe, expect, it } from "vitest";
import { BATCH_MAX_TRACES, BATCH_SPAN_BUDGET, detailBatches, nextChunk } from "@/lib/retro/collab/export-batches";

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

async function* piecesOf(pieces: string[], asked: string[]) {
  for (const piece of pieces) {
    asked.push(piece);
    yield piece;
  }
}

describe("nextChunk", () => {
  it("joins pieces in order until the chunk reaches the size, a longer piece whole, asking for no piece beyond it", async () => {
    const pieces = ["aaa\n", "bb\n", "c\n", "dddddddddd\n", "e\n"];
    const asked: string[] = [];
    const iterator = piecesOf(pieces, asked);
    expect(await nextChunk(iterator, 8)).toEqual({ text: "aaa\nbb\nc\n", done: false });
    expect(asked).toEqual(pieces.slice(0, 3));
    expect(await nextChunk(iterator, 8)).toEqual({ text: "dddddddddd\n", done: false });
    expect(await nextChunk(iterator, 8)).toEqual({ text: "e\n", done: true });
  });

  it("says done with no text when the pieces ran out", async () => {
    expect(await nextChunk(piecesOf([], []))).toEqual({ text: "", done: true });
  });
});
