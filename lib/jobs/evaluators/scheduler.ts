import "server-only";
// Runs the online evaluators in the background, inside the server process (started by the root
// instrumentation.ts), on every server: claims (lib/data/quality/evaluation-queue.ts) share the work and
// run records keep each evaluation once. Rounds follow each other at once while there is work, and every
// poll interval when there is none. State on globalThis: one scheduler per process however many bundles
// load this module.
import { getEnv } from "@/lib/env";
import { runEvaluatorRound } from "./run-round";

type SchedulerState = { timer: NodeJS.Timeout | null; stopped: boolean };
const globalForScheduler = globalThis as unknown as { hindsightEvaluatorScheduler?: SchedulerState };

/** Starts the scheduler once per process; false when it runs already. */
export function startEvaluatorScheduler(): boolean {
  if (globalForScheduler.hindsightEvaluatorScheduler) return false;
  const state: SchedulerState = { timer: null, stopped: false };
  globalForScheduler.hindsightEvaluatorScheduler = state;
  const idleMs = Math.min(1000, Math.max(100, Math.round((getEnv().HINDSIGHT_EVAL_SETTLE_SECONDS * 1000) / 4)));
  const schedule = (delayMs: number) => {
    if (state.stopped) return;
    state.timer = setTimeout(() => {
      runEvaluatorRound()
        .then(
          (taken) => schedule(taken > 0 ? 0 : idleMs),
          (error: unknown) => {
            console.error(`[hindsight] evaluator round failed: ${(error as Error).message}`);
            schedule(idleMs);
          },
        )
        .catch(() => undefined);
    }, delayMs);
    state.timer.unref();
  };
  schedule(idleMs);
  return true;
}

/** Stops the scheduler (a round in progress finishes). */
export function stopEvaluatorScheduler(): void {
  const state = globalForScheduler.hindsightEvaluatorScheduler;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  globalForScheduler.hindsightEvaluatorScheduler = undefined;
}
