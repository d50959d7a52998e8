// Accumulating deltas and applying them to stored rows: sums and histograms add and subtract exactly;
// the maximum stays exact while items only arrive and within 1 % once the largest one is removed.
import { describe, expect, it } from "vitest";
import type { Contribution } from "@/lib/analytics/contributions";
import type { Dimension } from "@/lib/analytics/dimensions";
import { applyDelta, RollupDeltas, rollupId, type RollupRow } from "@/lib/analytics/rollup-delta";
import { addValue, binOf, type Bins } from "@/lib/analytics/sketch";
import { BASE_MS } from "./support/spans";

const item = (durationMs: number, extra: { dimension?: Dimension; group?: string; errorCount?: number } = {}): Contribution => ({
  dimension: extra.dimension ?? "trace.name",
  group: extra.group ?? "task",
  item: {
    startMs: BASE_MS + 90_000,
    durationMs,
    errorCount: extra.errorCount ?? 0,
    llmCallCount: 1,
    toolCallCount: 0,
    costUsd: 0.25,
    inputTokens: 100,
    outputTokens: 10,
  },
});

/** Applies the deltas of `steps` one transaction at a time, as ingest does. */
function replay(steps: [Contribution, 1 | -1][][]): Map<string, RollupRow> {
  const rows = new Map<string, RollupRow>();
  for (const step of steps) {
    const deltas = new RollupDeltas();
    for (const [c, sign] of step) deltas.add(c, sign);
    for (const d of deltas.changes()) rows.set(rollupId(d), applyDelta(rows.get(rollupId(d)) ?? null, d));
  }
  return rows;
}
/** The lowest and highest values (to 0.01 ms) in the histogram bin of `ms`. */
function binEdges(ms: number): [number, number] {
  const bin = binOf(ms);
  let low = ms,
    high = ms;
  while (binOf(low - 0.01) === bin) low -= 0.01;
  while (binOf(high + 0.01) === bin) high += 0.01;
  return [low, high];
}
const minuteRow = (rows: Map<string, RollupRow>, group = "task") => [...rows.values()].find((r) => r.granularity === "1m" && r.group === group)!;
const binsOf = (values: number[]) => {
  const bins: Bins = new Map();
  for (const v of values) addValue(bins, v);
  return bins;
};

describe("RollupDeltas", () => {
  it("adds an item at every granularity of its dimension, in the bucket of its start", () => {
    const deltas = new RollupDeltas();
    deltas.add(item(40), 1);
    deltas.add(item(60, { dimension: "trace.session", group: "s" }), 1);
    expect(deltas.changes().map((d) => [d.dimension, d.granularity, new Date(d.bucketStartMs).toISOString(), d.count])).toEqual([
      ["trace.name", "1m", "2026-11-21T10:01:00.000Z", 1],
      ["trace.session", "1h", "2026-11-21T10:00:00.000Z", 1],
      ["trace.name", "1h", "2026-11-21T10:00:00.000Z", 1],
      ["trace.name", "1d", "2026-11-21T00:00:00.000Z", 1],
      ["trace.session", "1d", "2026-11-21T00:00:00.000Z", 1],
    ]);
    expect(deltas.changes().find((d) => d.dimension === "trace.session")!.bins).toBeNull();
  });

  it("drops deltas that cancel out (a trace refreshed without a visible change)", () => {
    const deltas = new RollupDeltas();
    deltas.add(item(40), -1);
    deltas.add(item(40), 1);
    expect(deltas.changes()).toEqual([]);
  });
});

describe("applyDelta", () => {
  it("sums counts, totals and bins over transactions", () => {
    const row = minuteRow(
      replay([
        [
          [item(10), 1],
          [item(30, { errorCount: 1 }), 1],
        ],
        [[item(20), 1]],
      ]),
    );
    expect(row).toMatchObject({ count: 3, errorCount: 1, llmCallCount: 3, durationSumMs: 60, costUsd: 0.75, inputTokens: 300, outputTokens: 30, maxMs: 30 });
    expect(row.bins).toEqual(binsOf([10, 20, 30]));
  });

  it("moves an item: out of its old bucket and group, into the new one", () => {
    const rows = replay([
      [[item(50, { group: "child" }), 1]],
      [
        [item(50, { group: "child" }), -1],
        [item(80, { group: "root" }), 1],
      ],
    ]);
    expect(minuteRow(rows, "child")).toMatchObject({ count: 0, costUsd: 0, durationSumMs: 0, maxMs: 0 });
    expect(minuteRow(rows, "child").bins.size).toBe(0);
    expect(minuteRow(rows, "root")).toMatchObject({ count: 1, maxMs: 80 });
  });

  it("keeps the maximum exact while a trace grows", () => {
    const row = minuteRow(
      replay([
        [
          [item(10), 1],
          [item(100), 1],
        ],
        [
          [item(100), -1],
          [item(250), 1],
        ],
      ]),
    );
    expect([row.count, row.maxMs]).toEqual([2, 250]);
  });

  it.each([
    ["the largest removed", [10, 500, 730], 730, 500],
    ["the largest removed, a smaller one added", [10, 500, 730], 730, 500, 20],
    ["a smaller one removed", [10, 500, 730], 10, 730],
  ])("keeps the maximum within 1 %% with %s", (_name, values, removed, expected, added?: number) => {
    const step: [Contribution, 1 | -1][] = [[item(removed), -1]];
    if (added !== undefined) step.push([item(added), 1]);
    const row = minuteRow(replay([values.map((v) => [item(v), 1] as [Contribution, 1]), step]));
    expect(Math.abs(row.maxMs - expected)).toBeLessThanOrEqual(expected * 0.01);
  });

  // Two items of one histogram bin, further apart than 1 %: the smaller one stays, the larger one goes.
  it.each<[string, number, (low: number, high: number) => [Contribution, 1 | -1][][]]>([
    [
      "the largest item of the top bin goes in a later delta",
      500,
      (low, high) => [
        [
          [item(low), 1],
          [item(high), 1],
        ],
        [[item(high), -1]],
      ],
    ],
    // A pending delta merges a commit that counted an item with a later one that took it out (a model
    // call that became a wrapper): its added and removed maxima are equal, and the item is gone.
    [
      "one delta counts the largest item and takes it out again",
      400,
      (low, high) => [
        [
          [item(high), 1],
          [item(high), -1],
          [item(low), 1],
        ],
      ],
    ],
  ])("keeps the maximum within 1 %% when %s", (_name, around, steps) => {
    const [low, high] = binEdges(around);
    expect(high / low).toBeGreaterThan(1.015);
    const row = minuteRow(replay(steps(low, high)));
    expect(row.count).toBe(1);
    expect(Math.abs(row.maxMs - low)).toBeLessThanOrEqual(low * 0.01);
  });

  it("empties a row whose count falls to zero or below (never negative)", () => {
    const rows = replay([[[item(10), -1]]]);
    expect(minuteRow(rows)).toMatchObject({ count: 0, costUsd: 0, inputTokens: 0 });
  });
});

describe("deltas left pending and derived dimensions", () => {
  const edge = (task: string, durationMs: number): Contribution => ({
    dimension: "graph.edge",
    group: JSON.stringify([task, "agent", "triage", "tool", "lookup"]),
    item: { ...item(durationMs).item, llmCallCount: 0 },
  });
  const byId = (deltas: ReturnType<RollupDeltas["changes"]>) => new Map(deltas.map((d) => [rollupId(d), d]));

  it("sums the every-task edge rows (by day) from the per-task ones", () => {
    const deltas = new RollupDeltas();
    for (const [task, ms] of [
      ["refund", 100],
      ["refund", 300],
      ["exchange", 50],
    ] as const)
      deltas.add(edge(task, ms), 1);
    const changes = deltas.changes();
    const all = changes.filter((d) => d.dimension === "graph.edge_all");
    expect(all.map((d) => [d.granularity, d.bucketStartMs % 86_400_000, d.group, d.count, d.costUsd])).toEqual([
      ["1d", 0, JSON.stringify(["", "agent", "triage", "tool", "lookup"]), 3, 0.75],
    ]);
    expect(all[0]!.bins).toEqual(binsOf([100, 300, 50]));
    expect(changes.filter((d) => d.dimension === "graph.edge")).toHaveLength(4); // two tasks × hour and day
  });

  it("gives the same rows when the finest deltas are taken out and added back later", () => {
    const contributions: [Contribution, 1 | -1][] = [
      [edge("refund", 100), 1],
      [edge("refund", 40), 1],
      [edge("refund", 100), -1],
      [item(70), 1],
    ];
    const direct = new RollupDeltas();
    for (const [c, sign] of contributions) direct.add(c, sign);

    const first = new RollupDeltas();
    for (const [c, sign] of contributions) first.add(c, sign);
    const taken = first.take(new Set<Dimension>(["graph.edge"]));
    expect(taken.map((d) => [d.dimension, d.granularity, d.count])).toEqual([["graph.edge", "1h", 1]]);
    expect(first.changes().every((d) => d.dimension === "trace.name")).toBe(true);
    const later = new RollupDeltas();
    for (const d of taken) later.addDelta(d);

    expect(byId([...first.changes(), ...later.changes()])).toEqual(byId(direct.changes()));
  });
});
