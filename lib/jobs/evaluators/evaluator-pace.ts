// How fast the online evaluators go. Evaluators and ingest share the CPU (and, on SQLite, the single
// writer): at full speed a backlog of settled traces would take CPU that ingest needs. So while ingest is
// busy (spans waiting for a commit, or a batch arrived moments ago), rounds are small and spaced to a
// fixed pace, `busyTracesPerMinute`, which is what evaluators sustain under saturated ingest; once
// ingest is idle they catch up at full speed with large rounds. Nothing is skipped: a deferred trace
// stays in the evaluation queue (in the database) until a round claims it. Pure.

export type PaceOptions = {
  /** Traces per minute evaluated while ingest is busy. */
  busyTracesPerMinute: number;
  /** Traces a round takes while ingest is busy (small: a round holds the thread and the writer for its length). */
  busyRoundTraces: number;
  /** Traces a round takes while ingest is idle. */
  idleRoundTraces: number;
  /** The longest a deferred round sleeps before looking again (ingest may have gone idle meanwhile). */
  maxWaitMs: number;
};

export const DEFAULT_PACE: PaceOptions = { busyTracesPerMinute: 5500, busyRoundTraces: 250, idleRoundTraces: 250, maxWaitMs: 100 };

/** Run a round taking at most `limit` traces now (`paced`: keep it short), or look again in `ms`. */
export type PaceDecision = { kind: "run"; limit: number; paced: boolean } | { kind: "wait"; ms: number };

export class EvaluatorPace {
  /** When the pace allows the next round while ingest is busy. */
  private dueMs = Number.NEGATIVE_INFINITY;
  /** How long the last round took (waiting for the writer included). */
  private lastRoundMs = 0;

  constructor(private readonly options: PaceOptions = DEFAULT_PACE) {}

  /** What to do at `nowMs`, ingest being busy or not. */
  decide(nowMs: number, ingestBusy: boolean): PaceDecision {
    if (!ingestBusy) return { kind: "run", limit: this.options.idleRoundTraces, paced: false };
    if (nowMs >= this.dueMs) return { kind: "run", limit: this.busyLimit(), paced: true };
    return { kind: "wait", ms: Math.min(this.options.maxWaitMs, Math.ceil(this.dueMs - nowMs)) };
  }

  /**
   * Records a finished round that started at `startedMs`, took `traces` and ended at `endedMs`: under
   * busy ingest the next round is due once the pace has covered them.
   */
  record(startedMs: number, traces: number, endedMs = startedMs): void {
    this.dueMs = startedMs + (traces * 60_000) / this.options.busyTracesPerMinute;
    this.lastRoundMs = Math.max(0, endedMs - startedMs);
  }

  /**
   * A busy round's size: small, unless rounds take longer than the pace gives them (on a loaded machine a
   * round mostly waits: for the CPU, for the writer), then as many traces as the pace owes for that time.
   */
  private busyLimit(): number {
    const owed = Math.ceil((this.lastRoundMs * this.options.busyTracesPerMinute) / 60_000);
    return Math.min(this.options.idleRoundTraces, Math.max(this.options.busyRoundTraces, owed));
  }
}

export type PacedRoundParts = {
  pace: EvaluatorPace;
  /** Whether ingest is busy now. */
  ingestBusy: (nowMs: number) => boolean;
  /** Runs one round at `nowMs` taking at most `limit` traces; resolves to the traces it took. */
  run: (nowMs: number, budget: { limit: number; paced: boolean }) => Promise<number>;
  now: () => number;
  idleMs: number;
};

/**
 * A round loop's round and its delay (lib/jobs/round-loop.ts) under the pace: a deferred round runs
 * nothing and looks again shortly; a round that found work is followed at once (or when the pace allows).
 */
export function pacedRound({ pace, ingestBusy, run, now, idleMs }: PacedRoundParts): { round: () => Promise<number>; delayAfter: (found: number) => number } {
  let deferMs = 0;
  return {
    round: async () => {
      const nowMs = now();
      const decision = pace.decide(nowMs, ingestBusy(nowMs));
      if (decision.kind === "wait") {
        deferMs = decision.ms;
        return 0;
      }
      deferMs = 0;
      const taken = await run(nowMs, decision);
      pace.record(nowMs, taken, now());
      return taken;
    },
    delayAfter: (found) => (deferMs > 0 ? deferMs : found > 0 ? 0 : idleMs),
  };
}
