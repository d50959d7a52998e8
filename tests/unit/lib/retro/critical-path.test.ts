import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { criticalPath } from "@/lib/retro/critical-path";
import type { RetroSpan } from "@/lib/retro/types";
import { agent, isoAt, llm, span, tool } from "./make-retro-span";

/** The path as [spanId, fromMs, toMs, selfMs] rows, in time order. */
function path(spans: RetroSpan[]) {
  const result = criticalPath(spans);
  const rows = result.segments.map((s) => [s.spanId, Date.parse(s.startTime) - Date.parse(isoAt(0)), Date.parse(s.endTime) - Date.parse(isoAt(0)), s.selfMs]);
  const sum = result.segments.reduce((total, s) => total + s.selfMs, 0);
  expect(sum).toBe(result.totalMs);
  return { rows, totalMs: result.totalMs, byKind: result.byKind };
}

describe("critical path", () => {
  it("is the whole of a single span", () => {
    expect(path([span("root", null, 0, 100)])).toMatchObject({ rows: [["root", 0, 100, 100]], totalMs: 100 });
  });

  it("runs through sequential children, touching ones included, and gives the parent its gaps", () => {
    const spans = [span("root", null, 0, 100), span("a", "root", 10, 30), span("b", "root", 40, 50)];
    expect(path(spans).rows).toEqual([
      ["root", 0, 100, 20],
      ["a", 10, 40, 30],
      ["b", 40, 90, 50],
    ]);
  });

  it("leaves out children that ran in parallel with a later-finishing one", () => {
    //   root |----------------------------------------|  0..100
    //   a       |-------------------|                     10..60
    //   b           |----------------------------|        20..90  ← finishes last
    //   c               |--------|                         30..50
    //   d     |-|                                          2..8    ← finished before b started
    const spans = [span("root", null, 0, 100), span("a", "root", 10, 50), span("b", "root", 20, 70), span("c", "root", 30, 20), span("d", "root", 2, 6)];
    expect(path(spans).rows).toEqual([
      ["root", 0, 100, 100 - 70 - 6],
      ["d", 2, 8, 6],
      ["b", 20, 90, 70],
    ]);
  });

  it("cuts a child that outlives its parent (or starts before it) to the parent's time", () => {
    const spans = [
      span("root", null, 0, 100),
      agent("a", "root", 0, 80, "planner"),
      tool("late", "a", 50, 70, "search", {}), // 50..120, parent ends at 80
      tool("early", "root", -20, 30, "warmup", {}), // -20..10, but only 0..10 on root's time… and a covers it anyway
    ];
    const { rows, totalMs, byKind } = path(spans);
    expect(rows).toEqual([
      ["root", 0, 100, 20],
      ["a", 0, 80, 50],
      ["late", 50, 80, 30],
    ]);
    expect(totalMs).toBe(100);
    expect(byKind).toMatchObject({ other: 20, agent: 50, tool: 30, llm: 0 });
  });

  it("walks back through nested levels and counts an agent's own time between its calls as agent", () => {
    const spans = [
      agent("root", null, 0, 1000, "support"),
      llm("l0", "root", 0, 300),
      tool("t0", "root", 310, 100, "lookup", {}),
      tool("t0-parallel", "root", 310, 50, "audit", {}),
      llm("l1", "root", 450, 500),
      span("approve", "root", 960, 30, { attributes: { "hindsight.approval.decision": "approved" } }),
    ];
    const { rows, byKind, totalMs } = path(spans);
    expect(rows.map((r) => r[0])).toEqual(["root", "l0", "t0", "l1", "approve"]);
    expect(byKind).toMatchObject({ agent: 10 + 40 + 10 + 10, llm: 800, tool: 100, approval: 30 });
    expect(totalMs).toBe(1000);
  });

  it("walks several roots and orphans as one run, leaving out the time when none of them ran", () => {
    const spans = [
      span("r1", null, 0, 50),
      span("r2", null, 30, 70), // 30..100
      span("orphan", "never-arrived", 120, 30), // 120..150
      span("orphan-child", "orphan", 125, 10),
    ];
    const { rows, totalMs } = path(spans);
    expect(rows).toEqual([
      ["r2", 30, 100, 70],
      ["orphan", 120, 150, 20],
      ["orphan-child", 125, 135, 10],
    ]);
    expect(totalMs).toBe(100);
  });

  it("prefers the longer of two children that end together", () => {
    const spans = [span("root", null, 0, 100), span("short", "root", 50, 50), span("long", "root", 10, 90)];
    expect(path(spans).rows).toEqual([
      ["root", 0, 100, 10],
      ["long", 10, 100, 90],
    ]);
  });

  it("survives parent cycles, duplicates and empty input", () => {
    expect(criticalPath([])).toMatchObject({ totalMs: 0, segments: [] });
    const cyclic = [span("a", "b", 0, 100), span("b", "a", 10, 50), span("a", "b", 0, 100)];
    expect(path(cyclic).rows).toEqual([
      ["a", 0, 100, 50],
      ["b", 10, 60, 50],
    ]);
  });

  it("handles a 20,000-deep chain without running out of stack", () => {
    const spans = Array.from({ length: 20_000 }, (_, k) => span(`s${k}`, k === 0 ? null : `s${k - 1}`, k / 1000, 100 - k / 1000));
    expect(criticalPath(spans).segments).toHaveLength(20_000);
  });

  it("does not depend on the order spans arrive in", () => {
    const spans = [
      agent("root", null, 0, 1000, "support"),
      llm("l0", "root", 0, 300),
      tool("t0", "root", 310, 100, "lookup", {}),
      tool("t1", "root", 310, 100, "audit", {}),
      llm("l1", "root", 450, 500),
      tool("t2", "l1", 460, 20, "nested", {}),
    ];
    const expected = criticalPath(spans);
    fc.assert(
      fc.property(fc.shuffledSubarray(spans, { minLength: spans.length }), (order) => {
        expect(criticalPath(order)).toEqual(expected);
      }),
    );
  });
});
