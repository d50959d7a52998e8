import "server-only";
// Runs the data lifecycle round (run-lifecycle.ts) every HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS inside
// the server process, and at once when a deletion is requested or a retention changed. Rounds never
// overlap within a process (a request arriving during one starts another when it ends). Across
// servers, deletions are claimed row by row, and the retention work goes to the holder of the job
// lease LIFECYCLE_LEASE (lib/data/jobs/job-leases.ts), held for three intervals (at least a minute) and
// renewed while it works, so a server that dies hands over within that time and one that stops cleanly
// at once. State on globalThis: one scheduler per process, as for the alert scheduler.
import { getEnv } from "@/lib/env";
import { acquireJobLease } from "@/lib/data/jobs/job-leases";
import { nodeId } from "@/lib/jobs/node-id";
import { LIFECYCLE_LEASE, runLifecycleRound } from "./run-lifecycle";

const MIN_LEASE_MS = 60_000;

type LifecycleState = { timer: NodeJS.Timeout | null; stopped: boolean; running: Promise<void> | null; again: boolean; leading: boolean };
const globalForLifecycle = globalThis as unknown as { hindsightLifecycle?: LifecycleState };

function state(): LifecycleState {
  globalForLifecycle.hindsightLifecycle ??= { timer: null, stopped: false, running: null, again: false, leading: false };
  return globalForLifecycle.hindsightLifecycle;
}

/** Whether this server does the retention work now: takes or renews the lease (one small write, once per batch). */
async function holdsLease(s: LifecycleState): Promise<boolean> {
  if (s.stopped) return false;
  const seconds = getEnv().HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS;
  const leading = await acquireJobLease(LIFECYCLE_LEASE, nodeId(), Math.max(MIN_LEASE_MS, 3 * seconds * 1000));
  if (leading !== s.leading) console.log(`[hindsight] ${nodeId()} ${leading ? "now runs" : "no longer runs"} retention purges for the cluster`);
  s.leading = leading;
  return leading;
}

/** Starts a round now, or one more right after the round in progress. */
export function runLifecycleSoon(): void {
  const s = state();
  if (s.stopped) return;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = (async () => {
    do {
      s.again = false;
      try {
        await runLifecycleRound(() => holdsLease(s));
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

/** Stops the rounds (a clean stop): no new one starts, and the retention work of one in progress ends before its next batch. */
export function stopLifecycleScheduler(): void {
  const s = state();
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
}
