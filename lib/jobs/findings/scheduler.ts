import "server-only";
// Keeps findings up to date in the background, inside the server process (started by the root
// instrumentation.ts): claims dirty traces of each project that are due (quiet for
// HINDSIGHT_FINDINGS_SETTLE_MS, or dirty for HINDSIGHT_FINDINGS_MAX_DELAY_MS), analyses them one by one
// and stores their findings. Rounds follow each other at once while there is work, and every poll
// interval when there is none. Several servers on one database share the work through claims
// (lib/data/findings/findings-queue.ts). The loop is lib/jobs/round-loop.ts; a round's work
// (findings-round.ts) runs in the findings thread (findings-runner.ts).
import { getEnv } from "@/lib/env";
import { listProjectScopesForJobs } from "@/lib/data/access/projects";
import { startRoundLoop, stopRoundLoop } from "@/lib/jobs/round-loop";
import { runRoundOffThread } from "./findings-runner";

/** One round over every project: analyses the traces due now; returns how many were analysed. */
export async function runFindingsRound(nowMs = Date.now()): Promise<number> {
  const env = getEnv();
  const scopes = await listProjectScopesForJobs();
  return runRoundOffThread({ scopes, nowMs, settleMs: env.HINDSIGHT_FINDINGS_SETTLE_MS, maxDelayMs: env.HINDSIGHT_FINDINGS_MAX_DELAY_MS });
}

/** Starts the scheduler once per process; false when it runs already or findings are off. */
export function startFindingsScheduler(): boolean {
  const env = getEnv();
  if (!env.HINDSIGHT_FINDINGS) return false;
  return startRoundLoop("findings", Math.min(1000, Math.max(50, Math.round(env.HINDSIGHT_FINDINGS_SETTLE_MS / 4))), () => runFindingsRound());
}

/** Stops the scheduler (a round in progress finishes). */
export const stopFindingsScheduler = () => stopRoundLoop("findings");
