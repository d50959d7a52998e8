// Rollup deltas of a transaction: inserted spans once, traces moved from their previous summary to the
// new one (late root, earlier child, price change).
import { describe, expect, it } from "vitest";
import { addInsertedSpans, addTraceChange, previousSpans, spanKey } from "@/lib/analytics/changes";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { BASE_MS, llm, span, TRACE } from "./support/spans";

const keys = (...ids: string[]) => new Map([[TRACE, new Set(ids)]]);
/** Hour-granularity deltas of one dimension as [group, hour, count, costUsd]. */
function hourly(deltas: RollupDeltas, dimension: string): [string, string, number, number][] {
  return deltas
    .changes()
    .filter((d) => d.dimension === dimension && d.granularity === "1h")
    .map((d) => [d.group, new Date(d.bucketStartMs).toISOString().slice(11, 16), d.count, Math.round(d.costUsd * 1e9) / 1e9]);
}
/** The deltas of a trace that had the spans `before` (none: a new trace) and now has `after`. */
function change(before: SummarySpan[], after: SummarySpan[]): RollupDeltas {
  const deltas = new RollupDeltas();
  addTraceChange(deltas, before.length ? summariseTrace(TRACE, before) : null, summariseTrace(TRACE, after));
  return deltas;
}

const child = llm("child", "root", 3_600_000, 500, "gpt-4o", 1000, 100, 0.02); // starts at 11:00
const root = span("root", null, 0, 4_000_000, { name: "nightly-report" }); // starts at 10:00

describe("previousSpans", () => {
  it("is the same array when the transaction changed none of the trace's spans", () => {
    const spans = [root, child];
    expect(previousSpans(TRACE, spans, {})).toBe(spans);
    expect(previousSpans(TRACE, spans, { inserted: keys("other") })).toBe(spans);
  });

  it("leaves out inserted spans and restores overwritten costs", () => {
    const before = previousSpans(TRACE, [root, child], {
      inserted: keys("root"),
      previousCosts: new Map([[spanKey(TRACE, "child"), { costUsd: null, costSource: null }]]),
    });
    expect(before.map((s) => [s.spanId, s.costUsd])).toEqual([["child", null]]);
  });
});

describe("addTraceChange", () => {
  it("adds a new trace once", () => {
    expect(hourly(change([], [root, child]), "trace.name")).toEqual([["nightly-report", "10:00", 1, 0.02]]);
  });

  it("moves a trace whose root arrives late to the root's name and start", () => {
    expect(hourly(change([child], [root, child]), "trace.name")).toEqual([
      ["child", "11:00", -1, -0.02],
      ["nightly-report", "10:00", 1, 0.02],
    ]);
  });

  it("moves the cost of a repriced trace", () => {
    const repriced = { ...child, costUsd: 0.05 };
    const deltas = change([root, child], [root, repriced]);
    expect(hourly(deltas, "trace.name")).toEqual([["nightly-report", "10:00", 0, 0.03]]);
    expect(hourly(deltas, "trace.model")).toEqual([["gpt-4o", "10:00", 0, 0.03]]);
  });

  it("changes nothing when the summary did not change", () => {
    expect(change([root, child], [root, child]).changes()).toEqual([]);
  });
});

describe("addInsertedSpans", () => {
  it("counts inserted spans once, even when a batch carries one twice", () => {
    const facts = (id: string) => ({
      traceId: TRACE,
      spanId: id,
      name: id,
      kind: "tool" as const,
      toolName: "search",
      model: null,
      status: "ok" as const,
      startNs: BigInt(BASE_MS) * 1_000_000n,
      durationMs: 5,
    });
    const deltas = new RollupDeltas();
    addInsertedSpans(deltas, [facts("a"), facts("a"), facts("b"), facts("resent")], keys("a", "b"));
    expect(hourly(deltas, "span.tool")).toEqual([["search", "10:00", 2, 0]]);
  });
});
