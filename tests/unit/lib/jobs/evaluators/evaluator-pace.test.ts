import { describe, expect, it } from "vitest";
import { EvaluatorPace, pacedRound, type PaceOptions } from "@/lib/jobs/evaluators/evaluator-pace";

const OPTIONS: PaceOptions = { busyTracesPerMinute: 6000, busyRoundTraces: 50, idleRoundTraces: 250, maxWaitMs: 100 };

describe("EvaluatorPace", () => {
  it("runs large rounds at once while ingest is idle", () => {
    const pace = new EvaluatorPace(OPTIONS);
    expect(pace.decide(0, false)).toEqual({ kind: "run", limit: 250, paced: false });
    pace.record(0, 250);
    expect(pace.decide(1, false)).toEqual({ kind: "run", limit: 250, paced: false });
  });

  it("defers a round under busy ingest until the pace has covered the last one, then runs a small one", () => {
    const pace = new EvaluatorPace(OPTIONS);
    expect(pace.decide(1000, true)).toEqual({ kind: "run", limit: 50, paced: true });
    pace.record(1000, 50); // 50 traces at 100 per second: the next round is due at 1500
    expect(pace.decide(1200, true)).toEqual({ kind: "wait", ms: 100 });
    expect(pace.decide(1450, true)).toEqual({ kind: "wait", ms: 50 });
    expect(pace.decide(1500, true)).toEqual({ kind: "run", limit: 50, paced: true });
  });

  it("makes a busy round as large as the pace owes for the time the last one took (a loaded machine), within the idle size", () => {
    const pace = new EvaluatorPace(OPTIONS);
    pace.record(1000, 50, 2200); // 1.2 s for 50 traces: the pace owes 120 for that time
    expect(pace.decide(2200, true)).toEqual({ kind: "run", limit: 120, paced: true });
    pace.record(2200, 120, 12_200);
    expect(pace.decide(12_200, true)).toEqual({ kind: "run", limit: 250, paced: true });
    pace.record(12_200, 50, 12_210);
    expect(pace.decide(12_700, true)).toEqual({ kind: "run", limit: 50, paced: true });
  });

  it("stops deferring as soon as ingest goes idle", () => {
    const pace = new EvaluatorPace(OPTIONS);
    pace.record(1000, 50);
    expect(pace.decide(1100, true).kind).toBe("wait");
    expect(pace.decide(1100, false)).toEqual({ kind: "run", limit: 250, paced: false });
  });
});

/** A simulated evaluation queue drained by the paced round loop on a fake clock (no timers). */
function simulate(queued: number, busyUntilMs: number) {
  let nowMs = 0;
  const waiting = Array.from({ length: queued }, (_, i) => `trace-${i}`);
  const evaluated: string[] = [];
  const rounds: { atMs: number; limit: number; taken: number }[] = [];
  const { round, delayAfter } = pacedRound({
    pace: new EvaluatorPace(OPTIONS),
    ingestBusy: (at) => at < busyUntilMs,
    now: () => nowMs,
    idleMs: 1000,
    run: async (atMs, { limit }) => {
      const taken = waiting.splice(0, limit);
      evaluated.push(...taken);
      rounds.push({ atMs, limit, taken: taken.length });
      nowMs += taken.length; // a trace costs 1 ms
      return taken.length;
    },
  });
  return {
    async runUntilDrained() {
      for (let step = 0; step < 10_000 && waiting.length > 0; step++) {
        const delayMs = delayAfter(await round());
        nowMs += delayMs;
      }
      return { evaluated, rounds, waiting };
    },
  };
}

describe("pacedRound", () => {
  it("under busy ingest keeps to the pace with small rounds, then catches up at full speed, and drops nothing", async () => {
    const { evaluated, rounds, waiting } = await simulate(2000, 10_000).runUntilDrained();
    expect(waiting).toEqual([]);
    expect(new Set(evaluated).size).toBe(2000);
    expect(evaluated).toHaveLength(2000);
    const busy = rounds.filter((r) => r.atMs < 10_000);
    const idle = rounds.filter((r) => r.atMs >= 10_000);
    expect(busy.every((r) => r.limit === 50)).toBe(true);
    // 100 traces per second for 10 s: about 1,000 traces, never more than the pace allows.
    const busyTraces = busy.reduce((n, r) => n + r.taken, 0);
    expect(busyTraces).toBeGreaterThanOrEqual(950);
    expect(busyTraces).toBeLessThanOrEqual(1050);
    expect(idle.every((r) => r.limit === 250)).toBe(true);
    expect(idle.reduce((n, r) => n + r.taken, 0)).toBe(2000 - busyTraces);
  });

  it("with ingest idle evaluates everything back to back", async () => {
    const { rounds, waiting } = await simulate(1000, 0).runUntilDrained();
    expect(waiting).toEqual([]);
    expect(rounds.map((r) => r.taken)).toEqual([250, 250, 250, 250]);
    expect(rounds.map((r) => r.atMs)).toEqual([0, 250, 500, 750]);
  });
});
