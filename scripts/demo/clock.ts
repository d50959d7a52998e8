/**
 * Virtual time for backfilled runs: the fake model and tools advance it
 * instead of sleeping, and the SDK's `clock` option stamps spans with it, so
 * a week of history is generated in seconds with realistic durations.
 */

export type VirtualClock = {
  /** Current virtual time in epoch ms; a bound function, passable as the SDK's `clock`. */
  now: () => number;
  advance(ms: number): void;
  /** Moves forward to `time` (never backwards). */
  advanceTo(time: number): void;
  /** An independent clock starting now, for one branch of parallel work. */
  fork(): VirtualClock;
};

/** Creates a clock that starts at `start` (epoch ms). */
export function createVirtualClock(start: number): VirtualClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += Math.max(0, Math.round(ms));
    },
    advanceTo: (next) => {
      time = Math.max(time, next);
    },
    fork: () => createVirtualClock(time),
  };
}

/**
 * Runs tasks "concurrently" in virtual time: each gets its own fork starting
 * at the same instant, and the parent clock resumes when the slowest is done.
 */
export async function runInParallel<T>(clock: VirtualClock, tasks: ((branch: VirtualClock) => Promise<T>)[]): Promise<T[]> {
  const branches = tasks.map(() => clock.fork());
  const results = await Promise.all(tasks.map((task, index) => task(branches[index] ?? clock.fork())));
  clock.advanceTo(Math.max(...branches.map((branch) => branch.now())));
  return results;
}
