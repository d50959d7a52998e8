// Alert windows and the rollup rows covering them: coarsest rows inside, finer ones at the edges.
import { describe, expect, it } from "vitest";
import { baselineRange, evaluationWindow, planSegments } from "@/lib/alerts/window";

const at = (iso: string) => Date.parse(iso);
const show = (s: { granularity: string; fromMs: number; toMs: number }) =>
  `${s.granularity} ${new Date(s.fromMs).toISOString().slice(5, 16)}–${new Date(s.toMs).toISOString().slice(5, 16)}`;

describe("evaluationWindow", () => {
  it("ends with the minute holding now and spans the window's minutes", () => {
    expect(evaluationWindow(at("2026-11-21T10:17:42.5Z"), 60)).toEqual({ fromMs: at("2026-11-21T09:18:00Z"), toMs: at("2026-11-21T10:18:00Z") });
    expect(baselineRange({ fromMs: at("2026-11-21T09:18:00Z"), toMs: 0 })).toEqual({ fromMs: at("2026-11-14T09:18:00Z"), toMs: at("2026-11-21T09:18:00Z") });
  });
});

describe("planSegments", () => {
  it.each<[string, string, string, readonly ("1m" | "1h" | "1d")[], string[], string?]>([
    [
      "an hour across a clock hour: minute rows only (no whole hour inside)",
      "2026-11-21T09:18:00Z",
      "2026-11-21T10:18:00Z",
      ["1m", "1h", "1d"],
      ["1m 11-21T09:18–11-21T10:18"],
    ],
    [
      "a day: hours inside, minutes at the edges",
      "2026-11-20T10:18:00Z",
      "2026-11-21T10:18:00Z",
      ["1m", "1h", "1d"],
      ["1m 11-20T10:18–11-20T11:00", "1h 11-20T11:00–11-21T10:00", "1m 11-21T10:00–11-21T10:18"],
    ],
    [
      "7 days: whole days from day rows",
      "2026-11-14T09:18:00Z",
      "2026-11-21T09:18:00Z",
      ["1m", "1h", "1d"],
      ["1m 11-14T09:18–11-14T10:00", "1h 11-14T10:00–11-15T00:00", "1d 11-15T00:00–11-21T00:00", "1h 11-21T00:00–11-21T09:00", "1m 11-21T09:00–11-21T09:18"],
    ],
    ["aligned hours: hour rows only", "2026-11-21T08:00:00Z", "2026-11-21T10:00:00Z", ["1m", "1h", "1d"], ["1h 11-21T08:00–11-21T10:00"]],
    [
      "no minute rows (trace.user): widened to whole hours",
      "2026-11-21T09:18:00Z",
      "2026-11-21T10:18:00Z",
      ["1h", "1d"],
      ["1h 11-21T09:00–11-21T11:00"],
      "2026-11-21T09:00:00.000Z/2026-11-21T11:00:00.000Z",
    ],
  ])("%s", (_label, from, to, kept, expected, widened) => {
    const plan = planSegments({ fromMs: at(from), toMs: at(to) }, kept);
    expect(plan.segments.map(show)).toEqual(expected);
    const [wFrom, wTo] = (widened ?? `${new Date(at(from)).toISOString()}/${new Date(at(to)).toISOString()}`).split("/");
    expect(plan.range).toEqual({ fromMs: at(wFrom!), toMs: at(wTo!) });
  });

  it("covers the range exactly once", () => {
    const { range, segments } = planSegments({ fromMs: at("2026-11-13T23:59:00Z"), toMs: at("2026-11-21T00:01:00Z") }, ["1m", "1h", "1d"]);
    let cursor = range.fromMs;
    for (const s of segments) {
      expect(s.fromMs).toBe(cursor);
      cursor = s.toMs;
    }
    expect(cursor).toBe(range.toMs);
  });
});
