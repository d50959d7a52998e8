// Pending map deltas as text and back: every field and bin survives (negative counts of removals
// included), and entries that are not finest-granularity deltas are skipped and counted, never applied.
import { describe, expect, it } from "vitest";
import { encodeEdgeGroup } from "@/lib/analytics/graph/graph-contributions";
import { decodeDeltas, encodeDeltas } from "@/lib/analytics/rollup-delta-codec";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { BASE_MS } from "./support/spans";

const group = encodeEdgeGroup({ task: "refund", from: { type: "agent", name: "triage" }, to: { type: "tool", name: "lookup" } });
const figures = (startMs: number, durationMs: number, errorCount = 0) => ({
  startMs,
  durationMs,
  errorCount,
  llmCallCount: 0,
  toolCallCount: 0,
  costUsd: 0.125,
  inputTokens: 0,
  outputTokens: 0,
});

function sampleDeltas() {
  const deltas = new RollupDeltas();
  deltas.add({ dimension: "graph.edge", group, item: figures(BASE_MS, 120, 1) }, 1);
  deltas.add({ dimension: "graph.edge", group, item: figures(BASE_MS + 5_000, 80) }, 1);
  deltas.add({ dimension: "graph.edge", group, item: figures(BASE_MS + 9_000, 2_500) }, -1);
  return deltas.take(new Set(["graph.edge"]));
}

describe("rollup delta codec", () => {
  it("gives back every field and bin of the deltas it encoded", () => {
    const deltas = sampleDeltas();
    expect(deltas).toHaveLength(1);
    expect(deltas[0]!.bins!.size).toBe(3);
    const decoded = decodeDeltas(encodeDeltas(deltas));
    expect(decoded.invalid).toBe(0);
    expect(decoded.deltas).toEqual(deltas);
  });

  it("skips and counts what it never writes", () => {
    const [good] = JSON.parse(encodeDeltas(sampleDeltas())) as unknown[][];
    const variants = [
      ["no.such.dimension", ...good!.slice(1)],
      [good![0], "1d", ...good!.slice(2)], // coarser rows are derived again from the finest: never pending
      [good![0], good![1], BASE_MS + 1, ...good!.slice(3)], // not on an hour
      [...good!.slice(0, 4), "many", ...good!.slice(5)],
      [...good!.slice(0, 14), [1, 2, 3]], // odd bin list
      [...good!.slice(0, 14), null], // a histogram dimension without bins
      good!.slice(0, 10),
      "text",
    ];
    const decoded = decodeDeltas(JSON.stringify([good, ...variants]));
    expect(decoded.invalid).toBe(variants.length);
    expect(decoded.deltas).toHaveLength(1);
    expect(decodeDeltas("{not json")).toEqual({ deltas: [], invalid: 1 });
    expect(decodeDeltas('{"a":1}')).toEqual({ deltas: [], invalid: 1 });
  });
});
