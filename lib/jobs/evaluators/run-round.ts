import "server-only";
// One round of the online evaluators over every project: the traces that settled (quiet for
// HINDSIGHT_EVAL_SETTLE_SECONDS) go through the project's enabled evaluators, each sampled by its rate
// (deterministically, lib/quality/evaluator-sampling.ts) and matched by its filter; then a slice of the
// oldest unfinished backfill. Claims and run records keep every evaluation once per cluster (see
// lib/data/quality/evaluation-queue.ts and evaluator-runs.ts).
import { getEnv } from "@/lib/env";
import { listProjectScopesForJobs } from "@/lib/data/access/projects";
import { claimSettledTraces, finishEvaluationClaims } from "@/lib/data/quality/evaluation-queue";
import { advanceBackfill, backfillPage, claimBackfill, failBackfill } from "@/lib/data/quality/evaluator-backfills";
import { loadEvalTrace, storeRuleResults, tracesMatching, type RuleResults } from "@/lib/data/quality/evaluator-runs";
import { getEvaluator, listEnabledEvaluators, type Evaluator } from "@/lib/data/quality/evaluators";
import type { ProjectScope } from "@/lib/data/scope";
import { toTraceFilters } from "@/lib/quality/evaluator-filter";
import { isSampled } from "@/lib/quality/evaluator-sampling";
import { JUDGE_SERVICE } from "@/lib/quality/judge-spans";
import { applyJudge, ruleResults } from "./evaluate-trace";

const CLAIM_BATCH = 100;
/** Longer than a batch takes, judges' calls included; a dead server's traces wait this long. */
const LEASE_MS = 5 * 60_000;
const BACKFILL_PAGE = 100;
/** A round spends at most this long on backfills, so new traces are not held up by a long one. */
const BACKFILL_SLICE_MS = 2000;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the evaluators that take the trace (already sampled and filtered): judges at once, rules into
 * `rules` (stored by the caller with the batch). Errors are logged per evaluator.
 */
async function evaluateTrace(scope: ProjectScope, traceId: string, evaluators: readonly Evaluator[], rules: RuleResults[]): Promise<void> {
  if (evaluators.length === 0) return;
  const loaded = await loadEvalTrace(scope, traceId);
  if (!loaded || loaded.serviceName === JUDGE_SERVICE) return;
  for (const evaluator of evaluators) {
    try {
      if (evaluator.type === "rule") rules.push({ evaluatorId: evaluator.id, results: ruleResults(evaluator, loaded.trace) });
      else await applyJudge(scope, evaluator, loaded.trace, loaded.expected);
    } catch (error) {
      console.error(`[hindsight] evaluator ${evaluator.id} failed on trace ${traceId}: ${(error as Error).message}`);
    }
  }
}

/** Stores a batch's rule results; if that fails, evaluator by evaluator, so one bad result holds back no other. */
async function storeRules(scope: ProjectScope, rules: readonly RuleResults[]): Promise<void> {
  try {
    await storeRuleResults(scope, rules);
  } catch {
    for (const one of rules) {
      await storeRuleResults(scope, [one]).catch((error: unknown) => {
        console.error(`[hindsight] evaluator ${one.evaluatorId} could not store its scores: ${(error as Error).message}`);
      });
    }
  }
}

/** Evaluates the project's settled traces; returns how many traces were taken. */
export async function evaluateSettledTraces(scope: ProjectScope, nowMs: number): Promise<number> {
  const settleMs = Math.round(getEnv().HINDSIGHT_EVAL_SETTLE_SECONDS * 1000);
  const claims = await claimSettledTraces(scope, { nowMs, settleMs, leaseMs: LEASE_MS, limit: CLAIM_BATCH });
  if (claims.length === 0) return 0;
  const evaluators = await listEnabledEvaluators(scope);
  const ids = claims.map((c) => c.traceId);
  const matched = new Map<string, Set<string>>();
  for (const evaluator of evaluators) {
    const sampled = ids.filter((id) => isSampled(evaluator.id, id, evaluator.sampleRate));
    matched.set(evaluator.id, await tracesMatching(scope, toTraceFilters(evaluator.filter), sampled));
  }
  const rules: RuleResults[] = [];
  for (const traceId of ids) {
    await evaluateTrace(
      scope,
      traceId,
      evaluators.filter((e) => matched.get(e.id)?.has(traceId)),
      rules,
    );
    await yieldToRequests();
  }
  await storeRules(scope, rules);
  await finishEvaluationClaims(scope, claims, nowMs);
  return claims.length;
}

/** Works on the project's oldest unfinished backfill for a slice of time; returns how many traces it took. */
export async function runBackfillSlice(scope: ProjectScope, nowMs: number): Promise<number> {
  const backfill = await claimBackfill(scope, nowMs, LEASE_MS);
  if (!backfill) return 0;
  const evaluator = await getEvaluator(scope, backfill.evaluatorId);
  if (!evaluator) {
    await failBackfill(scope, backfill.id);
    return 0;
  }
  const filters = toTraceFilters(evaluator.filter);
  const started = Date.now();
  let taken = 0;
  for (;;) {
    const page = await backfillPage(scope, backfill, filters, BACKFILL_PAGE);
    const rules: RuleResults[] = [];
    for (const { traceId } of page) {
      if (isSampled(evaluator.id, traceId, evaluator.sampleRate)) await evaluateTrace(scope, traceId, [evaluator], rules);
    }
    await storeRules(scope, rules);
    taken += page.length;
    const finished = page.length < BACKFILL_PAGE;
    await advanceBackfill(scope, backfill, page, finished, LEASE_MS);
    if (finished) return taken;
    if (Date.now() - started > BACKFILL_SLICE_MS) {
      // Hand the backfill back at once: the next round (here or on another server) continues from the cursor.
      await advanceBackfill(scope, backfill, [], false, -LEASE_MS);
      return taken;
    }
    await yieldToRequests();
  }
}

/** One round over every project; returns how many traces were taken (0: idle). */
export async function runEvaluatorRound(nowMs = Date.now()): Promise<number> {
  let taken = 0;
  for (const scope of await listProjectScopesForJobs()) {
    taken += await evaluateSettledTraces(scope, nowMs);
    taken += await runBackfillSlice(scope, nowMs);
  }
  return taken;
}
