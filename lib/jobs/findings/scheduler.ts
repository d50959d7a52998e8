import "server-only";
// Keeps findings up to date in the background, inside the server process (started by the root
// instrumentation.ts): claims dirty traces of each project that are due (quiet for
// HINDSIGHT_FINDINGS_SETTLE_MS, or dirty for HINDSIGHT_FINDINGS_MAX_DELAY_MS), analyses them one by one
// and stores their findings. Rounds follow each other at once while there is work, and every poll
// interval when there is none. Several servers on one database share the work through claims
// (lib/data/findings/findings-queue.ts). The loop is lib/jobs/round-loop.ts.
import { getEnv } from "@/lib/env";
import { getProject, listProjectScopesForJobs } from "@/lib/data/access/projects";
import { claimDirtyTraces, releaseClaim, type FindingsClaim } from "@/lib/data/findings/findings-queue";
import { storeTraceAnalyses, type TraceAnalysisResult } from "@/lib/data/findings/store-findings";
import type { ProjectScope } from "@/lib/data/scope";
import { startRoundLoop, stopRoundLoop } from "@/lib/jobs/round-loop";
import { analyseClaimedTrace } from "./analyse-trace";

const CLAIM_BATCH = 50;
/** Longer than the analysis of the largest trace takes; a dead server's traces wait this long. */
const LEASE_MS = 60_000;
/** A trace whose analysis failed is tried again after this long. */
const RETRY_MS = 60_000;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One round over every project: analyses the traces due now; returns how many were analysed. */
export async function runFindingsRound(nowMs = Date.now()): Promise<number> {
  const env = getEnv();
  let analysed = 0;
  for (const scope of await listProjectScopesForJobs()) {
    const claims = await claimDirtyTraces(scope, {
      nowMs,
      settleMs: env.HINDSIGHT_FINDINGS_SETTLE_MS,
      maxDelayMs: env.HINDSIGHT_FINDINGS_MAX_DELAY_MS,
      leaseMs: LEASE_MS,
      limit: CLAIM_BATCH,
    });
    if (claims.length === 0) continue;
    const { loopThreshold } = await getProject(scope);
    const results: TraceAnalysisResult[] = [];
    for (const claim of claims) {
      try {
        results.push(await analyseClaimedTrace(scope, claim, loopThreshold));
      } catch (error) {
        await giveBack(scope, claim, error);
      }
      // Analysis is CPU work on the request thread: let waiting requests in between traces.
      await yieldToRequests();
    }
    analysed += await store(scope, results);
  }
  return analysed;
}

/** Stores a batch in one transaction; if that fails, trace by trace, so one bad trace holds back no other. */
async function store(scope: ProjectScope, results: readonly TraceAnalysisResult[]): Promise<number> {
  try {
    await storeTraceAnalyses(scope, results, Date.now());
    return results.length;
  } catch {
    let stored = 0;
    for (const result of results) {
      try {
        await storeTraceAnalyses(scope, [result], Date.now());
        stored++;
      } catch (error) {
        await giveBack(scope, result.claim, error);
      }
    }
    return stored;
  }
}

async function giveBack(scope: ProjectScope, claim: FindingsClaim, error: unknown): Promise<void> {
  console.error(`[hindsight] findings of trace ${claim.traceId} could not be computed: ${(error as Error).message}`);
  await releaseClaim(scope, claim, Date.now() + RETRY_MS).catch(() => undefined);
}

/** Starts the scheduler once per process; false when it runs already or findings are off. */
export function startFindingsScheduler(): boolean {
  const env = getEnv();
  if (!env.HINDSIGHT_FINDINGS) return false;
  return startRoundLoop("findings", Math.min(1000, Math.max(50, Math.round(env.HINDSIGHT_FINDINGS_SETTLE_MS / 4))), () => runFindingsRound());
}

/** Stops the scheduler (a round in progress finishes). */
export const stopFindingsScheduler = () => stopRoundLoop("findings");
