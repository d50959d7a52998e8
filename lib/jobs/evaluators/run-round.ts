import "server-only";
// One round of the online evaluators over every project: the traces that settled (quiet for
// HINDSIGHT_EVAL_SETTLE_SECONDS) go through the project's enabled evaluators, each sampled by its rate
// (deterministically, lib/quality/evaluator-sampling.ts) and matched by its filter; then a slice of the
// oldest unfinished backfill. Claims and run records keep every evaluation once per cluster (see
// lib/data/quality/evaluation-queue.ts and evaluator-runs.ts).
import { getEnv } from "@/lib/env";
import { betweenIngestCommits as write } from "@/lib/receiver/runtime";
import { listProjectScopesForJobs } from "@/lib/data/access/projects";
import { claimSettledTraces, finishEvaluationClaims, hasSettledTraces } from "@/lib/data/quality/evaluation-queue";
import { advanceBackfill, backfillPage, claimBackfill, failBackfill } from "@/lib/data/quality/evaluator-backfills";
import { loadEvalTraces } from "@/lib/data/quality/eval-trace-batch";
import { loadExpectedOutput, storeRuleResults, storeRuleResultsAndEndClaims, tracesMatching, type RuleResults } from "@/lib/data/quality/evaluator-runs";
import { getEvaluator, listEnabledEvaluators, type Evaluator } from "@/lib/data/quality/evaluators";
import type { ProjectScope } from "@/lib/data/scope";
import { toTraceFilters } from "@/lib/quality/evaluator-filter";
import { readsFindings } from "@/lib/quality/evaluator-findings";
import { readsOf } from "@/lib/quality/evaluator-reads";
import { isSampled } from "@/lib/quality/evaluator-sampling";
import { JUDGE_SERVICE } from "@/lib/quality/judge-spans";
import { applyJudge, ruleResults } from "./evaluate-trace";

/** Traces claimed at once: loaded together, their rule scores stored together. */
const CLAIM_BATCH = 250;
/** Fewer when a judge runs: its calls take seconds each, and a batch must end within its lease. */
const JUDGE_CLAIM_BATCH = 100;
/** Longer than a batch takes, judges' calls included; a dead server's traces wait this long. */
const LEASE_MS = 5 * 60_000;
/** A round spends at most this long on backfills, so new traces are not held up by a long one. */
const BACKFILL_SLICE_MS = 2000;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Evaluating runs this long at most before requests get the thread (a yield per trace made a paced round wait behind every request). */
const YIELD_EVERY_MS = 5;

/**
 * Runs each trace of a batch through the evaluators that take it (already sampled and filtered; the
 * traces are loaded together): judges at once; the rules' results are returned, for the caller to store
 * together with its own bookkeeping (storeRules). Errors are logged per evaluator.
 */
async function evaluateBatch(
  scope: ProjectScope,
  traceIds: readonly string[],
  evaluatorsOf: (traceId: string) => readonly Evaluator[],
): Promise<RuleResults[]> {
  const wanted = traceIds.filter((id) => evaluatorsOf(id).length > 0);
  const loaded = await loadEvalTraces(scope, wanted, readsOf([...new Set(wanted.flatMap(evaluatorsOf))]));
  const rules: RuleResults[] = [];
  let lastYield = performance.now();
  for (const traceId of wanted) {
    const one = loaded.get(traceId);
    if (!one || one.serviceName === JUDGE_SERVICE) continue;
    let expected: { value: unknown } | null = null;
    for (const evaluator of evaluatorsOf(traceId)) {
      try {
        if (evaluator.type === "rule") {
          rules.push({ evaluatorId: evaluator.id, results: ruleResults(evaluator, one.trace) });
        } else {
          expected ??= { value: await loadExpectedOutput(scope, traceId, one.trace.rootSpanId) };
          await applyJudge(scope, evaluator, one.trace, expected.value);
        }
      } catch (error) {
        console.error(`[hindsight] evaluator ${evaluator.id} failed on trace ${traceId}: ${(error as Error).message}`);
      }
    }
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToRequests();
      lastYield = performance.now();
    }
  }
  return rules;
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

/** Of `traceIds`, those the evaluator samples and its filter matches (no query without a filter). */
async function matchedBy(scope: ProjectScope, evaluator: Evaluator, traceIds: readonly string[]): Promise<Set<string>> {
  const sampled = traceIds.filter((id) => isSampled(evaluator.id, id, evaluator.sampleRate));
  if (Object.keys(evaluator.filter).length === 0) return new Set(sampled);
  return tracesMatching(scope, toTraceFilters(evaluator.filter), sampled);
}

/**
 * How much a round may take (lib/jobs/evaluators/evaluator-pace.ts): at most `limit` new traces per
 * project, and, `paced`, a single page of a backfill instead of a slice of time.
 */
export type RoundBudget = { limit: number; paced: boolean };

const FULL_SPEED: RoundBudget = { limit: CLAIM_BATCH, paced: false };

/** Evaluates the project's settled traces (at most `limit`); returns how many traces were taken. */
export async function evaluateSettledTraces(scope: ProjectScope, nowMs: number, maxTraces = CLAIM_BATCH): Promise<number> {
  const settleMs = Math.round(getEnv().HINDSIGHT_EVAL_SETTLE_SECONDS * 1000);
  const evaluators = await listEnabledEvaluators(scope);
  const awaitFindings = evaluators.some(readsFindings);
  const limit = Math.min(maxTraces, evaluators.some((e) => e.type === "llm_judge") ? JUDGE_CLAIM_BATCH : CLAIM_BATCH);
  // Looked for first, outside the writer's turn: most idle rounds then take none.
  if (!(await hasSettledTraces(scope, { nowMs, settleMs, awaitFindings }))) return 0;
  // The round's writes are two short turns of the writer (claim; scores and the end of the claims).
  const claims = await write(() => claimSettledTraces(scope, { nowMs, settleMs, leaseMs: LEASE_MS, limit, awaitFindings }));
  if (claims.length === 0) return 0;
  const ids = claims.map((c) => c.traceId);
  const matched = new Map<string, Set<string>>();
  for (const evaluator of evaluators) matched.set(evaluator.id, await matchedBy(scope, evaluator, ids));
  const rules = await evaluateBatch(scope, ids, (traceId) => evaluators.filter((e) => matched.get(e.id)?.has(traceId)));
  await write(async () => {
    try {
      await storeRuleResultsAndEndClaims(scope, rules, claims, nowMs);
    } catch {
      await storeRules(scope, rules);
      await finishEvaluationClaims(scope, claims, nowMs);
    }
  });
  return claims.length;
}

/**
 * Works on the project's oldest unfinished backfill for a slice of time (paced: one page of at most
 * `limit` traces); returns how many traces it took.
 */
export async function runBackfillSlice(scope: ProjectScope, nowMs: number, budget: RoundBudget = FULL_SPEED): Promise<number> {
  const backfill = await write(() => claimBackfill(scope, nowMs, LEASE_MS));
  if (!backfill) return 0;
  const evaluator = await getEvaluator(scope, backfill.evaluatorId);
  if (!evaluator) {
    await write(() => failBackfill(scope, backfill.id));
    return 0;
  }
  const filters = toTraceFilters(evaluator.filter);
  const pageSize = Math.min(budget.limit, evaluator.type === "llm_judge" ? JUDGE_CLAIM_BATCH : CLAIM_BATCH);
  const started = Date.now();
  let taken = 0;
  for (;;) {
    const page = await backfillPage(scope, backfill, filters, pageSize);
    const only = [evaluator];
    const rules = await evaluateBatch(
      scope,
      page.map((p) => p.traceId),
      (traceId) => (isSampled(evaluator.id, traceId, evaluator.sampleRate) ? only : []),
    );
    taken += page.length;
    const finished = page.length < pageSize;
    // Hand the backfill back at once when this slice ends: the next round (here or on another server) continues from the cursor.
    const handBack = !finished && (budget.paced || Date.now() - started > BACKFILL_SLICE_MS);
    await write(async () => {
      await storeRules(scope, rules);
      await advanceBackfill(scope, backfill, page, finished, LEASE_MS);
      if (handBack) await advanceBackfill(scope, backfill, [], false, -LEASE_MS);
    });
    if (finished || handBack) return taken;
    await yieldToRequests();
  }
}

/** One round over every project within the budget; returns how many traces were taken (0: idle). */
export async function runEvaluatorRound(nowMs = Date.now(), budget: RoundBudget = FULL_SPEED): Promise<number> {
  let taken = 0;
  for (const scope of await listProjectScopesForJobs()) {
    taken += await evaluateSettledTraces(scope, nowMs, budget.limit);
    taken += await runBackfillSlice(scope, nowMs, budget);
  }
  return taken;
}
