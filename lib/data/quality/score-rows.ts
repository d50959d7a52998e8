import "server-only";
// Stored score rows: inserting them (with their per-name rollups) inside the caller's transaction, and
// turning rows back into the API's Score. Used by the API, evaluators and the ingest writer (also in the
// SQLite writer thread, so this module opens no connection of its own).
import type { Row, Sql, SqlValue } from "@/lib/db/sql";
import { ScoreRollupDeltas, type ScoreAttribution } from "@/lib/quality/score-rollups";
import type { Score, ScoreSource } from "@/lib/quality/score-types";
import { writeScoreRollups } from "./score-rollup-writer";

/** A score about to be stored; its trace's attribution is filled in afterwards (./score-attribution.ts). */
export type NewScore = {
  id: string;
  traceId: string;
  spanId: string | null;
  name: string;
  value: number | null;
  label: string | null;
  comment: string | null;
  source: ScoreSource;
  author: string | null;
  evaluatorId: string | null;
  createdMs: number;
  timeMs: number;
  passed: boolean;
  /**
   * Its trace's attribution when the writer read it already (stored with the score, so the reconciliation
   * that follows finds nothing to move); without it the score is stored unattributed and reconciled.
   */
  attribution?: ScoreAttribution;
};

const COLUMNS = [
  "projectId",
  "id",
  "traceId",
  "spanId",
  "name",
  "value",
  "label",
  "comment",
  "source",
  "author",
  "evaluatorId",
  "createdMs",
  "timeMs",
  "passed",
  "task",
  "agent",
  "models",
] as const;

export const SCORE_SELECT = `SELECT "id", "traceId", "spanId", "name", "value", "label", "comment", "source", "author", "createdMs" FROM "scores"`;

/**
 * Inserts scores (a score id already stored is skipped: re-sent evaluation events are stored once) and adds
 * the inserted ones to the per-name rollups. Returns the ids inserted.
 */
export async function insertScores(tx: Sql, projectId: string, scores: readonly NewScore[]): Promise<Set<string>> {
  if (scores.length === 0) return new Set();
  const rows: SqlValue[][] = scores.map((s) => [
    projectId,
    s.id,
    s.traceId,
    s.spanId,
    s.name,
    s.value,
    s.label,
    s.comment,
    s.source,
    s.author,
    s.evaluatorId,
    BigInt(s.createdMs),
    BigInt(s.timeMs),
    s.passed,
    s.attribution?.task ?? null,
    s.attribution?.agent ?? null,
    s.attribution?.models ? JSON.stringify(s.attribution.models) : null,
  ]);
  const inserted = await tx.insertMany("scores", COLUMNS, rows, `("projectId", "id") DO NOTHING`, { returning: ["id"] });
  const ids = new Set(inserted.map((r) => String(r.id)));
  const deltas = new ScoreRollupDeltas();
  for (const s of scores) {
    if (!ids.has(s.id)) continue;
    deltas.addName(s, 1);
    if (s.attribution) deltas.addAttribution(s, s.attribution, 1);
  }
  await writeScoreRollups(tx, projectId, deltas);
  return ids;
}

const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** A stored row (SCORE_SELECT's columns) as the API shows it. */
export function toScore(row: Row): Score {
  return {
    id: String(row.id),
    traceId: String(row.traceId),
    spanId: strOrNull(row.spanId),
    name: String(row.name),
    value: row.value === null || row.value === undefined ? null : Number(row.value),
    label: strOrNull(row.label),
    comment: strOrNull(row.comment),
    source: String(row.source) as ScoreSource,
    author: strOrNull(row.author),
    createdAt: new Date(Number(row.createdMs)).toISOString(),
  };
}

/** `"traceId" IN (<the JSON array bound at this placeholder>)`, for either database. */
export const inJsonArray = (tx: Pick<Sql, "dialect">) =>
  tx.dialect === "postgres" ? `(SELECT json_array_elements_text(?::json))` : `(SELECT value FROM json_each(?))`;

/**
 * Serialises writers of the same traces on PostgreSQL, with the same per-trace advisory locks as the
 * ingest commit (lib/data/ingest/store-batch.ts, refreshTraceSummaries), taken in sorted order so two
 * writers never deadlock. SQLite has one writer at a time already.
 */
export async function lockTraces(tx: Sql, projectId: string, traceIds: Iterable<string>): Promise<void> {
  const keys = [...new Set(traceIds)].sort().map((id) => `${projectId}/${id}`);
  if (tx.dialect !== "postgres" || keys.length === 0) return;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext(t)) FROM (SELECT json_array_elements_text(?::json) AS t ORDER BY 1) ids`, [JSON.stringify(keys)]);
}
