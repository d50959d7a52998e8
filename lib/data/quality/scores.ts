import "server-only";
// Quality scores: the one function every feature writes scores through (the API, evaluators, review
// queues), and the reads of the score list and the trace page. OpenTelemetry evaluation events are
// stored by the ingest commit instead (./otel-scores.ts), through the same rows and rollups.
import { randomUUID } from "node:crypto";
import { getSql } from "@/lib/db/connections";
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import { encodeScoreCursor, scoreCreateSchema, type ScoreListQuery } from "@/lib/quality/score-input";
import { isPassing, type Score, type ScoreSource } from "@/lib/quality/score-types";
import { attributionOf, parseModels, reconcileScoreAttribution, type TraceFacts } from "./score-attribution";
import { inJsonArray, insertScores, lockTraces, SCORE_SELECT, toScore, type NewScore } from "./score-rows";

/** A score to record. `value` or `label` is required; `spanId`, when given, must be a span of the trace. */
export type ScoreInput = {
  traceId: string;
  spanId?: string | null;
  name: string;
  value?: number | null;
  label?: string | null;
  comment?: string | null;
  source: ScoreSource;
  /** Who gave it: a user's email, an API key's name, an evaluator's name. */
  author?: string | null;
  /** The evaluator that produced it (source "evaluator"). */
  evaluatorId?: string | null;
};

/** Why recordScores refused its input; nothing was stored. `index` is the offending score's position. */
export class ScoreInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/**
 * Records scores in one transaction: all of them or, when one is invalid or names a trace or span the
 * project does not hold, none (ScoreInputError). Each score is placed in time at its trace's start.
 */
export async function recordScores(scope: ProjectScope, scores: readonly ScoreInput[]): Promise<Score[]> {
  const checked = checkScores(scores);
  if (checked.length === 0) return [];
  return getSql().transaction((tx) => writeCheckedScores(tx, scope.projectId, checked));
}

/**
 * recordScores inside the caller's transaction, for writes that must commit together with the scores
 * (an evaluator's run records: a score is written exactly when its run is).
 */
export async function recordScoresInTransaction(tx: Sql, scope: ProjectScope, scores: readonly ScoreInput[]): Promise<Score[]> {
  const checked = checkScores(scores);
  return checked.length === 0 ? [] : writeCheckedScores(tx, scope.projectId, checked);
}

function checkScores(scores: readonly ScoreInput[]) {
  return scores.map((input, index) => {
    const parsed = scoreCreateSchema.safeParse({
      traceId: input.traceId,
      spanId: input.spanId ?? null,
      name: input.name,
      value: input.value ?? null,
      label: input.label ?? null,
      comment: input.comment ?? null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "body";
      throw new ScoreInputError(field, `${field}: ${issue?.message ?? "is invalid"}`, index);
    }
    return { ...input, ...parsed.data, traceId: parsed.data.traceId.toLowerCase(), spanId: parsed.data.spanId?.toLowerCase() ?? null };
  });
}

/**
 * Of the spans the scores name, those stored ("traceId/spanId"), each with its model when it is a call
 * with one (a score's attribution): one query for a whole batch.
 */
async function existingSpans(tx: Sql, projectId: string, scores: readonly { traceId: string; spanId: string | null }[]): Promise<Map<string, string | null>> {
  const named = scores.filter((s) => s.spanId !== null);
  if (named.length === 0) return new Map();
  const rows = await tx.query(
    `SELECT "traceId", "spanId", CASE WHEN "kind" IN ('llm', 'embedding') THEN "model" END AS "model"
       FROM "spans" WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(tx)} AND "spanId" IN ${inJsonArray(tx)}`,
    [projectId, JSON.stringify([...new Set(named.map((s) => s.traceId))]), JSON.stringify([...new Set(named.map((s) => s.spanId))])],
  );
  return new Map(rows.map((row) => [`${String(row.traceId)}/${String(row.spanId)}`, row.model === null || row.model === undefined ? null : String(row.model)]));
}

async function writeCheckedScores(tx: Sql, projectId: string, checked: ReturnType<typeof checkScores>): Promise<Score[]> {
  const traceIds = [...new Set(checked.map((s) => s.traceId))];
  const now = Date.now();
  await lockTraces(tx, projectId, traceIds);
  const traces = new Map<string, { timeMs: number; facts: TraceFacts }>();
  for (const row of await tx.query(
    `SELECT "traceId", "startNs", "name", "agentName", "models" FROM "traces" WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(tx)}`,
    [projectId, JSON.stringify(traceIds)],
  )) {
    traces.set(String(row.traceId), {
      timeMs: Number(BigInt(row.startNs as bigint | string) / 1_000_000n),
      facts: { name: String(row.name), agentName: row.agentName === null ? null : String(row.agentName), models: parseModels(row.models) ?? [] },
    });
  }
  const spans = await existingSpans(tx, projectId, checked);
  const rows: NewScore[] = [];
  for (const [index, s] of checked.entries()) {
    const trace = traces.get(s.traceId);
    if (trace === undefined) throw new ScoreInputError("traceId", `traceId: this project has no trace ${s.traceId}`, index);
    const spanKey = `${s.traceId}/${s.spanId}`;
    if (s.spanId !== null && !spans.has(spanKey)) throw new ScoreInputError("spanId", `spanId: trace ${s.traceId} has no span ${s.spanId}`, index);
    const { timeMs } = trace;
    const value = s.value ?? null;
    const label = s.label ?? null;
    rows.push({
      id: randomUUID(),
      traceId: s.traceId,
      spanId: s.spanId,
      name: s.name,
      value,
      label,
      comment: s.comment ?? null,
      source: s.source,
      author: s.author ?? null,
      evaluatorId: s.evaluatorId ?? null,
      createdMs: now,
      timeMs,
      passed: isPassing(value, label),
      // Written attributed: the reconciliation below then has nothing to move, score by score.
      attribution: attributionOf(trace.facts, s.spanId === null ? null : (spans.get(spanKey) ?? null)),
    });
  }
  await insertScores(tx, projectId, rows);
  await reconcileScoreAttribution(tx, projectId, traceIds);
  return rows.map((r) => toScore({ ...r, createdMs: r.createdMs }));
}

/** One page of the project's scores, newest first. */
export async function listScores(scope: ProjectScope, query: ScoreListQuery): Promise<{ data: Score[]; nextCursor: string | null }> {
  const where = [`"projectId" = ?`];
  const params: SqlValue[] = [scope.projectId];
  const add = (condition: string, value: SqlValue) => {
    where.push(condition);
    params.push(value);
  };
  if (query.traceId) add(`"traceId" = ?`, query.traceId);
  if (query.name) add(`"name" = ?`, query.name);
  if (query.source) add(`"source" = ?`, query.source);
  if (query.fromMs !== undefined) add(`"createdMs" >= ?`, BigInt(query.fromMs));
  if (query.toMs !== undefined) add(`"createdMs" < ?`, BigInt(query.toMs));
  if (query.after) {
    where.push(`("createdMs" < ? OR ("createdMs" = ? AND "id" < ?))`);
    params.push(BigInt(query.after.createdMs), BigInt(query.after.createdMs), query.after.id);
  }
  const rows = await getSql().query(`${SCORE_SELECT} WHERE ${where.join(" AND ")} ORDER BY "createdMs" DESC, "id" DESC LIMIT ?`, [...params, query.limit + 1]);
  const page = rows.slice(0, query.limit).map(toScore);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > query.limit && last ? encodeScoreCursor(Date.parse(last.createdAt), last.id) : null };
}

/** Every score of one trace (the trace page and its spans), oldest first. */
export async function listTraceScores(scope: ProjectScope, traceId: string): Promise<Score[]> {
  const rows = await getSql().query(`${SCORE_SELECT} WHERE "projectId" = ? AND "traceId" = ? ORDER BY "createdMs", "id"`, [scope.projectId, traceId.toLowerCase()]);
  return rows.map(toScore);
}
