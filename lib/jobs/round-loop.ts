import "server-only";
// The loop the background jobs share: a round runs at once while the last one found work, and after
// `idleMs` when it found none or failed (a failure is logged, never thrown). The timer does not hold the
// process open. State on globalThis under the job's key: one loop per process however many bundles load
// the job's module.
type LoopState = { timer: NodeJS.Timeout | null; stopped: boolean };
const loops = globalThis as unknown as { hindsightRoundLoops?: Map<string, LoopState> };
const registry = (): Map<string, LoopState> => (loops.hindsightRoundLoops ??= new Map<string, LoopState>());

/**
 * Starts the loop named `name` once per process; false when it runs already. `round` resolves to the work
 * it found; `delayAfter` (by default: at once after work, `idleMs` after none) says when the next one runs.
 */
export function startRoundLoop(
  name: string,
  idleMs: number,
  round: () => Promise<number>,
  delayAfter: (found: number) => number = (found) => (found > 0 ? 0 : idleMs),
): boolean {
  if (registry().has(name)) return false;
  const state: LoopState = { timer: null, stopped: false };
  registry().set(name, state);
  const schedule = (delayMs: number) => {
    if (state.stopped) return;
    state.timer = setTimeout(() => {
      round()
        .then(
          (found) => schedule(delayAfter(found)),
          (error: unknown) => {
            console.error(`[hindsight] ${name} round failed: ${(error as Error).message}`);
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

/** Stops the loop (a round in progress finishes). */
export function stopRoundLoop(name: string): void {
  const state = registry().get(name);
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  registry().delete(name);
}
