import "server-only";
// One findings round: for each project, claims its dirty traces that are due, analyses them one by one
// and stores their findings a batch at a time. It runs in the findings thread (findings-thread.ts), or in
// the request thread when that thread's bundle is missing (`next dev`), and reaches the database through
// the connections of the thread it runs in (raw SQL only: the thread has no ORM client).
import { claimDirtyTraces, releaseClaim, type FindingsClaim } from "@/lib/data/findings/findings-queue";
import { storeTraceAnalyses, type TraceAnalysisResult } from "@/lib/data/findings/store-findings";
import { readLoopThreshold } from "@/lib/data/findings/loop-threshold";
import type { ProjectScope } from "@/lib/data/scope";
import { analyseClaimedTrace } from "./analyse-trace";

const CLAIM_BATCH = 50;
/** Longer than the analysis of the largest trace takes; a dead server's traces wait this long. */
const LEASE_MS = 60_000;
/** A trace whose analysis failed is tried again after this long. */
const RETRY_MS = 60_000;

export type FindingsRound = {
  /** The projects, from the request thread (the project list is read through the ORM). */
  scopes: readonly ProjectScope[];
  nowMs: number;
  settleMs: number;
  maxDelayMs: number;
};

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Analyses the traces of every project that are due at `nowMs`; returns how many were stored. */
export async function runRound({ scopes, nowMs, settleMs, maxDelayMs }: FindingsRound): Promise<number> {
  let stored = 0;
  for (const scope of scopes) {
    const claims = await claimDirtyTraces(scope, { nowMs, settleMs, maxDelayMs, leaseMs: LEASE_MS, limit: CLAIM_BATCH });
    if (claims.length > 0) stored += await analyseAndStore(scope, claims);
  }
  return stored;
}

async function analyseAndStore(scope: ProjectScope, claims: readonly FindingsClaim[]): Promise<number> {
  let loopThreshold: number;
  try {
    loopThreshold = await readLoopThreshold(scope);
  } catch (error) {
    for (const claim of claims) await giveBack(scope, claim, error);
    return 0;
  }
  const results: TraceAnalysisResult[] = [];
  for (const claim of claims) {
    try {
      results.push(await analyseClaimedTrace(scope, claim, loopThreshold));
    } catch (error) {
      await giveBack(scope, claim, error);
    }
    // In the request thread (no findings thread), analysis would otherwise hold requests back.
    await yieldToOthers();
  }
  return store(scope, results);
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
