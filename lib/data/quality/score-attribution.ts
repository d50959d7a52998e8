import "server-only";
// Keeps each score's attribution (the task, agent and models of its trace) equal to what its trace shows
// now, moving the score rollups with it. Runs inside every transaction that changes a trace's summary or
// stores scores, after the summary was written, under the trace's lock, so a score and its trace may
// arrive in any order and the per-task, per-agent and per-model metrics are still exact.
import type { Row, Sql } from "@/lib/db/sql";
import { sameAttribution, ScoreRollupDeltas, UNATTRIBUTED, type ScoreAttribution, type ScoreFacts } from "@/lib/quality/score-rollups";
import { inJsonArray } from "./score-rows";
import { writeScoreRollups } from "./score-rollup-writer";

export type TraceFacts = { name: string; agentName: string | null; models: string[] };

export const parseModels = (text: unknown): string[] | null => {
  if (text === null || text === undefined) return null;
  try {
    const value = JSON.parse(String(text)) as unknown;
    return Array.isArray(value) ? value.map(String) : null;
  } catch {
    return null;
  }
};

/** A score's attribution: its span's model when the span is a call with one, else the trace's models. */
export function attributionOf(trace: TraceFacts | undefined, spanModel: string | null): ScoreAttribution {
  if (!trace) return UNATTRIBUTED;
  return { task: trace.name, agent: trace.agentName, models: spanModel !== null ? [spanModel] : trace.models };
}

/** Re-attributes the scores of `traceIds` whose trace changed since they were attributed. */
export async function reconcileScoreAttribution(tx: Sql, projectId: string, traceIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(traceIds)];
  if (ids.length === 0) return;
  // Only scores whose stored attribution may differ from their trace's (every commit touching a trace runs
  // this, so reading all of a much-scored trace's scores each time would grow with its score count). A
  // score on a call span keeps that span's model while its trace has others: those few are rechecked below.
  const scores = await tx.query(
    `SELECT s."id", s."traceId", s."spanId", s."name", s."value", s."passed", s."timeMs", s."task", s."agent", s."models" FROM "scores" s
     JOIN "traces" t ON t."projectId" = s."projectId" AND t."traceId" = s."traceId"
     WHERE s."projectId" = ? AND s."traceId" IN ${inJsonArray(tx)}
       AND (s."task" IS DISTINCT FROM t."name" OR s."agent" IS DISTINCT FROM t."agentName" OR s."models" IS NULL OR s."models" <> t."models")`,
    [projectId, JSON.stringify(ids)],
  );
  if (scores.length === 0) return;
  const scored = [...new Set(scores.map((s) => String(s.traceId)))];
  const traces = new Map<string, TraceFacts>();
  for (const t of await tx.query(`SELECT "traceId", "name", "agentName", "models" FROM "traces" WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(tx)}`, [
    projectId,
    JSON.stringify(scored),
  ])) {
    traces.set(String(t.traceId), { name: String(t.name), agentName: t.agentName === null ? null : String(t.agentName), models: parseModels(t.models) ?? [] });
  }
  const spanModels = await readSpanModels(tx, projectId, scores);
  const deltas = new ScoreRollupDeltas();
  for (const s of scores) {
    const stored: ScoreAttribution = {
      task: s.task === null ? null : String(s.task),
      agent: s.agent === null ? null : String(s.agent),
      models: parseModels(s.models),
    };
    const traceId = String(s.traceId);
    const spanModel = s.spanId === null ? null : (spanModels.get(`${traceId}/${String(s.spanId)}`) ?? null);
    const wanted = attributionOf(traces.get(traceId), spanModel);
    if (sameAttribution(stored, wanted)) continue;
    const facts: ScoreFacts = {
      name: String(s.name),
      value: s.value === null ? null : Number(s.value),
      passed: Boolean(Number(s.passed)),
      timeMs: Number(s.timeMs),
    };
    deltas.addAttribution(facts, stored, -1);
    deltas.addAttribution(facts, wanted, 1);
    await tx.run(`UPDATE "scores" SET "task" = ?, "agent" = ?, "models" = ? WHERE "projectId" = ? AND "id" = ?`, [
      wanted.task,
      wanted.agent,
      wanted.models === null ? null : JSON.stringify(wanted.models),
      projectId,
      String(s.id),
    ]);
  }
  await writeScoreRollups(tx, projectId, deltas);
}

/** The models of the scored spans that are calls with a model, by "traceId/spanId" (primary-key lookups: few scores name a span). */
async function readSpanModels(tx: Sql, projectId: string, scores: Row[]): Promise<Map<string, string>> {
  const models = new Map<string, string>();
  const keys = new Set(scores.filter((s) => s.spanId !== null).map((s) => `${String(s.traceId)}/${String(s.spanId)}`));
  for (const key of keys) {
    const [traceId, spanId] = key.split("/") as [string, string];
    const [row] = await tx.query(
      `SELECT "model" FROM "spans" WHERE "projectId" = ? AND "traceId" = ? AND "spanId" = ? AND "model" IS NOT NULL AND "kind" IN ('llm', 'embedding')`,
      [projectId, traceId, spanId],
    );
    if (row) models.set(key, String(row.model));
  }
  return models;
}

/**
 * Takes the scores of traces about to be deleted out of the score rollups (their rows go with the trace's other
 * attached rows), so the quality metrics afterwards are those of a database that never held them.
 */
export async function removeScoreContributions(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<void> {
  if (traceIds.length === 0) return;
  const scores = await tx.query(
    `SELECT "name", "value", "passed", "timeMs", "task", "agent", "models" FROM "scores" WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(tx)}`,
    [projectId, JSON.stringify(traceIds)],
  );
  if (scores.length === 0) return;
  const deltas = new ScoreRollupDeltas();
  for (const s of scores) {
    const facts: ScoreFacts = { name: String(s.name), value: s.value === null ? null : Number(s.value), passed: Boolean(Number(s.passed)), timeMs: Number(s.timeMs) };
    deltas.addName(facts, -1);
    deltas.addAttribution(facts, { task: s.task === null ? null : String(s.task), agent: s.agent === null ? null : String(s.agent), models: parseModels(s.models) }, -1);
  }
  await writeScoreRollups(tx, projectId, deltas);
}
