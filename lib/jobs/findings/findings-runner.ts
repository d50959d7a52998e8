import "server-only";
// Runs findings rounds (findings-round.ts) in the findings thread when its bundle exists (`npm start`
// builds it), else in this thread. A thread that died is replaced at the next round; the round it was
// running fails (its claims are leases: they are taken again once they run out).
import { existsSync } from "node:fs";
import path from "node:path";
import { WorkerChannel } from "@/lib/workers/worker-channel";
import { runRound, type FindingsRound } from "./findings-round";
import { FINDINGS_WORKER_FILE } from "./worker-file";

/**
 * The analysis makes short-lived garbage (parsed inputs, indexes) a trace at a time: a small young
 * generation collects it as often at little cost, where V8's default would let it fill tens of MB of the
 * server's memory. The old generation keeps V8's limit, so the largest trace still fits.
 */
const FINDINGS_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 };

type RunnerState = { channel: WorkerChannel<FindingsRound, number> | null; warned: boolean };
// On globalThis: one findings thread per process however many bundles load this module.
const globalForRunner = globalThis as unknown as { hindsightFindingsRunner?: RunnerState };
const state = (): RunnerState => (globalForRunner.hindsightFindingsRunner ??= { channel: null, warned: false });

/** One round, off the request thread when possible; resolves to the traces stored. */
export function runRoundOffThread(round: FindingsRound, root = process.cwd()): Promise<number> {
  const runner = state();
  if (!runner.channel?.alive) {
    const file = path.join(root, FINDINGS_WORKER_FILE);
    if (!existsSync(file)) {
      if (!runner.warned) console.warn(`[hindsight] ${FINDINGS_WORKER_FILE} not found (npm start builds it): analysing findings in the request thread`);
      runner.warned = true;
      return runRound(round);
    }
    runner.channel = new WorkerChannel<FindingsRound, number>(file, "findings thread", undefined, FINDINGS_THREAD_LIMITS);
  }
  return runner.channel.call(round);
}
