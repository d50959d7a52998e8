import "server-only";
// Runs the data lifecycle round (run-lifecycle.ts) every HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS inside
// the server process, and at once when a deletion is requested. Rounds never overlap within a process
// (a request arriving during one starts another when it ends); across servers, deletions are claimed
// and purge batches locked (lib/data/lifecycle). State on globalThis: one scheduler per process, as
// for the alert scheduler.
import { getEnv } from "@/lib/env";
import { runLifecycleRound } from "./run-lifecycle";

type LifecycleState = { timer: NodeJS.Timeout | null; stopped: boolean; running: Promise<void> | null; again: boolean };
const globalForLifecycle = globalThis as unknown as { hindsightLifecycle?: LifecycleState };

function state(): LifecycleState {
  globalForLifecycle.hindsightLifecycle ??= { timer: null, stopped: false, running: null, again: false };
  return globalForLifecycle.hindsightLifecycle;
}

/** Starts a round now, or one more right after the round in progress. */
export function runLifecycleSoon(): void {
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = (async () => {
    do {
      s.again = false;
      try {
        await runLifecycleRound();
      } catch (error) {
        console.error(`[hindsight] data lifecycle round failed: ${(error as Error).message}`);
      }
    } while (s.again && !s.stopped);
  })().finally(() => {
    s.running = null;
  });
}

/** Starts the periodic rounds once per process; false when they run already or are turned off (interval 0). */
export function startLifecycleScheduler(): boolean {
  const seconds = getEnv().HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS;
  const s = state();
  if (s.timer || seconds === 0) return false;
  s.stopped = false;
  const tick = () => {
    if (s.stopped) return;
    runLifecycleSoon();
    s.timer = setTimeout(tick, seconds * 1000);
    s.timer.unref();
  };
  s.timer = setTimeout(tick, seconds * 1000);
  s.timer.unref();
  console.log(`[hindsight] retention and deletions processed every ${seconds} s`);
  return true;
}
