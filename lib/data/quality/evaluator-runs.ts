import "server-only";
// Each evaluation of a trace or span by an evaluator once (prisma EvaluatorRun, unique per evaluator,
// trace and target). A rule's run records and scores commit in one transaction, inserted with ON
// CONFLICT DO NOTHING, so two servers (or a backfill and the online job) racing on one trace write each
// score once: the loser's insert returns nothing and it writes no score. A judge's call takes time and
// money, so its run is claimed ("running") before the call and finished after: a server that dies
// mid-call leaves it claimed, and the judge is not called again for it (no retry loop).
import { getPrisma } from "@/lib/db/prisma";
import { getSql } from "@/lib/db/connections";
import type { Sql } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import { buildTraceWhere } from "@/lib/data/traces/traces";
import type { TraceFilters } from "@/lib/trace/types";
import { getDatasetItem } from "./datasets";
import { endClaims, type EvaluationClaim } from "./evaluation-queue";
import { recordScoresInTransaction, type ScoreInput } from "./scores";

const RUN_COLUMNS = ["projectId", "traceId", "evaluatorId", "targetId", "state", "scoreId", "createdMs"] as const;
const NO_CONFLICT = `("projectId", "traceId", "evaluatorId", "targetId") DO NOTHING`;

/** A result to store: a score for the trace (spanId null) or one span. */
export type RunResult = Omit<ScoreInput, "source" | "evaluatorId"> & { traceId: string };

const targetOf = (r: { spanId?: string | null }) => r.spanId ?? "";

/** Rule results of one evaluator, to store with their run records. */
export type RuleResults = { evaluatorId: string; results: readonly RunResult[] };

/**
 * Stores rule results of several evaluators (a whole claimed batch) with their run records in one
 * transaction; returns how many scores were written (runs stored before are skipped, so a second pass
 * over the same traces writes nothing).
 */
export async function storeRuleResults(scope: ProjectScope, batches: readonly RuleResults[]): Promise<number> {
  if (!batches.some((b) => b.results.length > 0)) return 0;
  return getSql().transaction((tx) => storeRuleResultsIn(tx, scope, batches));
}

/**
 * A round's rule results and the end of its claims (./evaluation-queue.ts) in one transaction: one commit
 * instead of two. If it fails, nothing of it is stored (the caller then stores evaluator by evaluator).
 */
export async function storeRuleResultsAndEndClaims(
  scope: ProjectScope,
  batches: readonly RuleResults[],
  claims: readonly EvaluationClaim[],
  claimedAtMs: number,
): Promise<number> {
  return getSql().transaction(async (tx) => {
    const written = await storeRuleResultsIn(tx, scope, batches);
    await endClaims(tx, scope, claims, claimedAtMs);
    return written;
  });
}

async function storeRuleResultsIn(tx: Sql, scope: ProjectScope, batches: readonly RuleResults[]): Promise<number> {
  const pending = batches.filter((b) => b.results.length > 0);
  if (pending.length === 0) return 0;
  const now = Date.now();
  const scores: ScoreInput[] = [];
  for (const { evaluatorId, results } of pending) {
    const inserted = await tx.insertMany(
      "evaluator_runs",
      RUN_COLUMNS,
      results.map((r) => [scope.projectId, r.traceId, evaluatorId, targetOf(r), "done", null, now]),
      NO_CONFLICT,
      { returning: ["traceId", "targetId"] },
    );
    const fresh = new Set(inserted.map((row) => `${String(row.traceId)}/${String(row.targetId)}`));
    for (const r of results) if (fresh.has(`${r.traceId}/${targetOf(r)}`)) scores.push({ ...r, source: "evaluator", evaluatorId });
  }
  await recordScoresInTransaction(tx, scope, scores);
  return scores.length;
}

/** Skips targets already evaluated (cheap pre-check; storeRuleResults and claimJudgeRun decide). */
export async function evaluatedTargets(scope: ProjectScope, evaluatorId: string, traceId: string): Promise<Set<string>> {
  const rows = await getSql().query(`SELECT "targetId" FROM "evaluator_runs" WHERE "projectId" = ? AND "traceId" = ? AND "evaluatorId" = ?`, [
    scope.projectId,
    traceId,
    evaluatorId,
  ]);
  return new Set(rows.map((row) => String(row.targetId)));
}

/** Claims one judge run; false when another server or an earlier pass has it. */
export async function claimJudgeRun(scope: ProjectScope, evaluatorId: string, traceId: string, spanId: string | null): Promise<boolean> {
  const inserted = await getSql().insertMany("evaluator_runs", RUN_COLUMNS, [[scope.projectId, traceId, evaluatorId, spanId ?? "", "running", null, Date.now()]], NO_CONFLICT, {
    returning: ["targetId"],
  });
  return inserted.length === 1;
}

/** Finishes a claimed judge run: its score and the run's "done" commit together; a failure only marks the run. */
export async function finishJudgeRun(scope: ProjectScope, evaluatorId: string, result: RunResult | { traceId: string; spanId: string | null; failed: true }): Promise<void> {
  const key = [scope.projectId, result.traceId, evaluatorId, targetOf(result)];
  const where = `WHERE "projectId" = ? AND "traceId" = ? AND "evaluatorId" = ? AND "targetId" = ?`;
  if ("failed" in result) {
    await getSql().run(`UPDATE "evaluator_runs" SET "state" = 'failed' ${where}`, key);
    return;
  }
  await getSql().transaction(async (tx) => {
    const [score] = await recordScoresInTransaction(tx, scope, [{ ...result, source: "evaluator", evaluatorId }]);
    await tx.run(`UPDATE "evaluator_runs" SET "state" = 'done', "scoreId" = ? ${where}`, [score?.id ?? null, ...key]);
  });
}

/** Of `traceIds`, those the filter matches (the trace list's own conditions). */
export async function tracesMatching(scope: ProjectScope, filters: TraceFilters, traceIds: readonly string[]): Promise<Set<string>> {
  if (traceIds.length === 0) return new Set();
  const rows = await getPrisma().trace.findMany({
    where: { AND: [buildTraceWhere(scope, filters), { projectId: scope.projectId, traceId: { in: [...traceIds] } }] },
    select: { traceId: true },
  });
  return new Set(rows.map((row) => row.traceId));
}

/**
 * What an experiment's run was expected to answer, for a judge's {{expected}}: its root span carries
 * hindsight.dataset.id and hindsight.dataset.item.id, and the dataset item holds the expected output.
 */
export async function loadExpectedOutput(scope: ProjectScope, traceId: string, rootSpanId: string | null): Promise<unknown> {
  if (rootSpanId === null) return null;
  const [root] = await getSql().query(`SELECT "attributes" FROM "spans" WHERE "projectId" = ? AND "traceId" = ? AND "spanId" = ?`, [
    scope.projectId,
    traceId,
    rootSpanId,
  ]);
  if (!root) return null;
  const attributes = JSON.parse(String(root.attributes)) as Record<string, unknown>;
  const datasetId = attributes["hindsight.dataset.id"];
  const itemId = attributes["hindsight.dataset.item.id"];
  const item = typeof datasetId === "string" && typeof itemId === "string" ? await getDatasetItem(scope, datasetId, itemId) : null;
  return item?.expectedOutput ?? null;
}

/** A trace's priced cost (the judge's own call, once committed); 0 when unpriced or missing. */
export async function readTraceCost(scope: ProjectScope, traceId: string): Promise<number> {
  const [row] = await getSql().query(`SELECT "costUsd" FROM "traces" WHERE "projectId" = ? AND "traceId" = ?`, [scope.projectId, traceId]);
  return row && row.costUsd !== null ? Number(row.costUsd) : 0;
}
