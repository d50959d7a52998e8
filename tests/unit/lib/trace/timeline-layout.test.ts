import { describe, expect, it } from "vitest";
import { computeBarLayout, computeTimelineLayout, computeTimeTicks, MIN_BAR_WIDTH_PCT, selectWindow, zoomWindow } from "@/lib/trace/timeline-layout";

const W = { startMs: 1000, endMs: 2000 };

function rounded<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, typeof v === "number" ? Number(v.toFixed(4)) : v])) as T;
}

describe("computeBarLayout", () => {
  it.each([
    { name: "whole window", start: 1000, end: 2000, expected: { leftPct: 0, widthPct: 100, isVisible: true, isClippedStart: false, isClippedEnd: false } },
    { name: "middle quarter", start: 1250, end: 1500, expected: { leftPct: 25, widthPct: 25, isVisible: true, isClippedStart: false, isClippedEnd: false } },
    {
      name: "instant span gets min width",
      start: 1500,
      end: 1500,
      expected: { leftPct: 50, widthPct: MIN_BAR_WIDTH_PCT, isVisible: true, isClippedStart: false, isClippedEnd: false },
    },
    {
      name: "instant span at the very end stays inside",
      start: 2000,
      end: 2000,
      expected: { leftPct: 100 - MIN_BAR_WIDTH_PCT, widthPct: MIN_BAR_WIDTH_PCT, isVisible: true, isClippedStart: false, isClippedEnd: false },
    },
    {
      name: "clipped on both sides when zoomed",
      start: 500,
      end: 2500,
      expected: { leftPct: 0, widthPct: 100, isVisible: true, isClippedStart: true, isClippedEnd: true },
    },
    {
      name: "before the window",
      start: 100,
      end: 900,
      expected: { leftPct: 0, widthPct: MIN_BAR_WIDTH_PCT, isVisible: false, isClippedStart: true, isClippedEnd: false },
    },
    {
      name: "after the window",
      start: 2100,
      end: 2200,
      expected: { leftPct: 100 - MIN_BAR_WIDTH_PCT, widthPct: MIN_BAR_WIDTH_PCT, isVisible: false, isClippedStart: false, isClippedEnd: true },
    },
  ])("$name", ({ start, end, expected }) => {
    expect(rounded(computeBarLayout(start, end, W))).toEqual(rounded(expected));
  });

  it("parallel spans get the same left", () => {
    const [a, b] = computeTimelineLayout(
      [
        { startMs: 1100, endMs: 1300 },
        { startMs: 1100, endMs: 1200 },
      ],
      W,
    );
    expect(a?.leftPct).toBe(b?.leftPct);
    expect(a!.widthPct).toBeGreaterThan(b!.widthPct);
  });

  it("survives a zero-length window", () => {
    const bar = computeBarLayout(5, 5, { startMs: 5, endMs: 5 });
    expect(Number.isFinite(bar.leftPct) && Number.isFinite(bar.widthPct)).toBe(true);
  });
});

describe("computeTimeTicks", () => {
  it.each([
    { name: "1 s window from origin", window: { startMs: 0, endMs: 1000 }, origin: 0, count: 5, expected: [0, 200, 400, 600, 800, 1000] },
    { name: "zoomed window keeps offsets from origin", window: { startMs: 1130, endMs: 1170 }, origin: 1000, count: 4, expected: [130, 140, 150, 160, 170] },
    { name: "2.5 steps", window: { startMs: 0, endMs: 10 }, origin: 0, count: 4, expected: [0, 2.5, 5, 7.5, 10] },
  ])("$name", ({ window, origin, count, expected }) => {
    const ticks = computeTimeTicks(window, origin, count);
    expect(ticks.map((t) => t.offsetMs)).toEqual(expected);
    for (const t of ticks) expect(t.pct).toBeCloseTo(((origin + t.offsetMs - window.startMs) / (window.endMs - window.startMs)) * 100);
  });

  it("returns one tick for an empty window", () => {
    expect(computeTimeTicks({ startMs: 5, endMs: 5 }, 0)).toEqual([{ offsetMs: 5, pct: 0 }]);
  });
});

describe("selectWindow", () => {
  it.each([
    { from: 25, to: 75, expected: { startMs: 1250, endMs: 1750 } },
    { from: 75, to: 25, expected: { startMs: 1250, endMs: 1750 } },
    { from: -10, to: 150, expected: { startMs: 1000, endMs: 2000 } },
  ])("$from%…$to%", ({ from, to, expected }) => {
    expect(selectWindow(W, from, to)).toEqual(expected);
  });

  it("never returns an empty window", () => {
    const w = selectWindow(W, 50, 50);
    expect(w.endMs).toBeGreaterThan(w.startMs);
  });
});

describe("zoomWindow", () => {
  const bounds = { startMs: 0, endMs: 1000 };
  it.each([
    { name: "zoom in at centre", window: bounds, factor: 0.5, anchor: 50, expected: { startMs: 250, endMs: 750 } },
    { name: "zoom in at left edge", window: bounds, factor: 0.5, anchor: 0, expected: { startMs: 0, endMs: 500 } },
    { name: "zoom out is bounded", window: { startMs: 100, endMs: 300 }, factor: 100, anchor: 50, expected: { startMs: 0, endMs: 1000 } },
    { name: "zoom out near the edge is shifted inside", window: { startMs: 800, endMs: 1000 }, factor: 2, anchor: 50, expected: { startMs: 600, endMs: 1000 } },
  ])("$name", ({ window, factor, anchor, expected }) => {
    expect(zoomWindow(window, bounds, factor, anchor)).toEqual(expected);
  });
});
