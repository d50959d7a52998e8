import "server-only";
// Runs the online evaluators in the background, inside the server process (started by the root
// instrumentation.ts), on every server: claims (lib/data/quality/evaluation-queue.ts) share the work and
// run records keep each evaluation once. Rounds follow each other at once while there is work, and every
// poll interval when there is none (lib/jobs/round-loop.ts); while this server's ingest is busy they
// keep to a fixed pace and catch up once it is idle (./evaluator-pace.ts).
import { getEnv } from "@/lib/env";
import { startRoundLoop, stopRoundLoop } from "@/lib/jobs/round-loop";
import { isIngestBusy } from "@/lib/receiver/runtime";
import { EvaluatorPace, pacedRound } from "./evaluator-pace";
import { runEvaluatorRound } from "./run-round";

/** Starts the scheduler once per process; false when it runs already. */
export function startEvaluatorScheduler(): boolean {
  const idleMs = Math.min(1000, Math.max(100, Math.round((getEnv().HINDSIGHT_EVAL_SETTLE_SECONDS * 1000) / 4)));
  const { round, delayAfter } = pacedRound({ pace: new EvaluatorPace(), ingestBusy: isIngestBusy, run: runEvaluatorRound, now: Date.now, idleMs });
  return startRoundLoop("evaluator", idleMs, round, delayAfter);
}

/** Stops the scheduler (a round in progress finishes). */
export const stopEvaluatorScheduler = () => stopRoundLoop("evaluator");
