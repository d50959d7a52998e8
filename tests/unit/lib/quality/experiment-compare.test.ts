import { describe, expect, it } from "vitest";
import { compareExperiments, type ExperimentRuns } from "@/lib/quality/experiment-compare";
import type { RunFigures } from "@/lib/quality/experiment-types";

const run = (passed: boolean[], costUsd: number, durationMs: number): RunFigures => ({
  traceId: "t",
  status: "ok",
  error: null,
  costUsd,
  durationMs,
  output: null,
  scores: passed.map((p, i) => ({ name: `s${i}`, value: p ? 1 : 0, label: null, passed: p })),
});
const runs = (id: string, entries: [string, RunFigures][]): ExperimentRuns => ({ experimentId: id, name: id, runs: new Map(entries) });

describe("two experiments compared item by item", () => {
  const a = runs("a", [
    ["i1", run([true], 0.01, 100)],
    ["i2", run([false], 0.01, 100)],
    ["i3", run([true], 0.01, 100)],
    ["i4", run([true, false], 0.01, 100)],
    ["i5", run([true], 0.01, 100)],
  ]);
  const b = runs("b", [
    ["i1", run([true], 0.02, 150)],
    ["i2", run([true], 0.02, 150)],
    ["i3", run([false], 0.02, 150)],
    ["i4", run([false, true], 0.02, 150)],
    ["i6", run([true], 0.02, 150)],
  ]);
  const { items, summary } = compareExperiments(a, b, ["i1", "i2", "i3", "i4", "i5", "i6"]);

  it("gives each item its verdict in the dataset's order", () => {
    expect(items.map((i) => [i.itemId, i.verdict])).toEqual([
      ["i1", "unchanged"],
      ["i2", "improved"],
      ["i3", "regressed"],
      ["i4", "mixed"],
      ["i5", "only_a"],
      ["i6", "only_b"],
    ]);
  });

  it("sums up what improved and regressed, and cost and duration over the pairs", () => {
    expect(summary).toMatchObject({ pairs: 4, improved: ["i2"], regressed: ["i3"], mixed: ["i4"], unchanged: 1, costChangePct: 100, durationChangePct: 50 });
    expect(summary.scores.find((s) => s.name === "s0")).toMatchObject({ pairs: 4, improved: 1, regressed: 2, unchanged: 1 });
  });
});
