import "server-only";
// Online evaluators in the database (prisma Evaluator): their configuration, the last failure and the
// judge's spend of the day (for the daily cap). Written through the raw connection in short statements.
import { randomUUID } from "node:crypto";
import { getSql } from "@/lib/db/connections";
import type { Row } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import type { EvaluatorConfig, EvaluatorTarget, EvaluatorType } from "@/lib/quality/evaluator-config";
import type { Rule } from "@/lib/quality/evaluator-rules";
import type { EvaluatorFilter } from "@/lib/quality/evaluator-filter";
import type { JudgeConfig } from "@/lib/quality/judge-config";
import type { BackfillProgress, EvaluatorView } from "@/lib/quality/evaluator-types";
import { latestBackfills } from "./evaluator-backfills";

export type Evaluator = EvaluatorConfig & {
  id: string;
  projectId: string;
  createdMs: number;
  updatedMs: number;
  lastError: string | null;
  lastErrorMs: number | null;
  failureCount: number;
  /** UTC day (YYYY-MM-DD) of `costDayUsd`. */
  costDay: string | null;
  costDayUsd: number;
};

/** The UTC day of a time, as the daily cap counts it. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What the judge spent today (0 on a new day). */
export const costToday = (e: Pick<Evaluator, "costDay" | "costDayUsd">, nowMs = Date.now()) => (e.costDay === utcDay(nowMs) ? e.costDayUsd : 0);

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

function fromRow(row: Row): Evaluator {
  const config = JSON.parse(String(row.config)) as { rule?: Rule; judge?: JudgeConfig };
  return {
    id: String(row.id),
    projectId: String(row.projectId),
    name: String(row.name),
    scoreName: String(row.scoreName),
    target: String(row.target) as EvaluatorTarget,
    filter: JSON.parse(String(row.filter)) as EvaluatorFilter,
    sampleRate: Number(row.sampleRate),
    type: String(row.type) as EvaluatorType,
    rule: config.rule ?? null,
    judge: config.judge ?? null,
    maxCostUsdPerDay: numOrNull(row.maxCostUsdPerDay),
    enabled: row.enabled === true || Number(row.enabled) === 1,
    createdMs: Number(row.createdMs),
    updatedMs: Number(row.updatedMs),
    lastError: strOrNull(row.lastError),
    lastErrorMs: numOrNull(row.lastErrorMs),
    failureCount: Number(row.failureCount),
    costDay: strOrNull(row.costDay),
    costDayUsd: Number(row.costDayUsd),
  };
}

const CONFIG_COLUMNS = ["name", "scoreName", "target", "filter", "sampleRate", "type", "config", "maxCostUsdPerDay", "enabled"] as const;
const configValues = (c: EvaluatorConfig) => [
  c.name,
  c.scoreName,
  c.target,
  JSON.stringify(c.filter),
  c.sampleRate,
  c.type,
  JSON.stringify(c.type === "rule" ? { rule: c.rule } : { judge: c.judge }),
  c.maxCostUsdPerDay,
  c.enabled,
];

export async function listEvaluators(scope: ProjectScope): Promise<Evaluator[]> {
  const rows = await getSql().query(`SELECT * FROM "evaluators" WHERE "projectId" = ? ORDER BY "createdMs", "id"`, [scope.projectId]);
  return rows.map(fromRow);
}

/** The enabled evaluators of the project, for the evaluation job. */
export async function listEnabledEvaluators(scope: ProjectScope): Promise<Evaluator[]> {
  const rows = await getSql().query(`SELECT * FROM "evaluators" WHERE "projectId" = ? AND "enabled" = ? ORDER BY "createdMs", "id"`, [scope.projectId, true]);
  return rows.map(fromRow);
}

export async function getEvaluator(scope: ProjectScope, id: string): Promise<Evaluator | null> {
  const [row] = await getSql().query(`SELECT * FROM "evaluators" WHERE "projectId" = ? AND "id" = ?`, [scope.projectId, id]);
  return row ? fromRow(row) : null;
}

/** The evaluator as the API shows it, with its latest backfill. */
export function toEvaluatorView(e: Evaluator, lastBackfill: BackfillProgress | null, nowMs = Date.now()): EvaluatorView {
  const { projectId: _projectId, createdMs, updatedMs, lastErrorMs, costDay: _day, costDayUsd: _usd, ...rest } = e;
  return {
    ...rest,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    lastErrorAt: lastErrorMs === null ? null : new Date(lastErrorMs).toISOString(),
    costTodayUsd: costToday(e, nowMs),
    lastBackfill,
  };
}

export async function createEvaluator(scope: ProjectScope, config: EvaluatorConfig): Promise<Evaluator> {
  const id = randomUUID();
  const now = BigInt(Date.now());
  await getSql().run(
    `INSERT INTO "evaluators" (${CONFIG_COLUMNS.map((c) => `"${c}"`).join(", ")}, "projectId", "id", "createdMs", "updatedMs", "failureCount", "costDayUsd")
     VALUES (${CONFIG_COLUMNS.map(() => "?").join(", ")}, ?, ?, ?, ?, 0, 0)`,
    [...configValues(config), scope.projectId, id, now, now],
  );
  return (await getEvaluator(scope, id))!;
}

/** Replaces the configuration; null when the project has no such evaluator. */
export async function updateEvaluator(scope: ProjectScope, id: string, config: EvaluatorConfig): Promise<Evaluator | null> {
  const changed = await getSql().run(`UPDATE "evaluators" SET ${CONFIG_COLUMNS.map((c) => `"${c}" = ?`).join(", ")}, "updatedMs" = ? WHERE "projectId" = ? AND "id" = ?`, [
    ...configValues(config),
    BigInt(Date.now()),
    scope.projectId,
    id,
  ]);
  return changed > 0 ? getEvaluator(scope, id) : null;
}

/** Deletes the evaluator with its run records and backfills; its scores stay (they were given). */
export async function deleteEvaluator(scope: ProjectScope, id: string): Promise<boolean> {
  return getSql().transaction(async (tx) => {
    const deleted = await tx.run(`DELETE FROM "evaluators" WHERE "projectId" = ? AND "id" = ?`, [scope.projectId, id]);
    if (deleted === 0) return false;
    await tx.run(`DELETE FROM "evaluator_runs" WHERE "projectId" = ? AND "evaluatorId" = ?`, [scope.projectId, id]);
    await tx.run(`DELETE FROM "evaluator_backfills" WHERE "projectId" = ? AND "evaluatorId" = ?`, [scope.projectId, id]);
    return true;
  });
}

/** Records a failure (a judge call that failed): the message, when, and one more in the count. */
export async function recordEvaluatorFailure(scope: ProjectScope, id: string, message: string, nowMs = Date.now()): Promise<void> {
  await getSql().run(`UPDATE "evaluators" SET "lastError" = ?, "lastErrorMs" = ?, "failureCount" = "failureCount" + 1 WHERE "projectId" = ? AND "id" = ?`, [
    message.slice(0, 2000),
    BigInt(nowMs),
    scope.projectId,
    id,
  ]);
}

/** Adds a judge call's cost to the day's spend (restarting the sum on a new UTC day); returns the day's total. */
export async function addEvaluatorCost(scope: ProjectScope, id: string, usd: number, nowMs = Date.now()): Promise<number> {
  const day = utcDay(nowMs);
  return getSql().transaction(async (tx) => {
    await tx.run(
      `UPDATE "evaluators" SET "costDayUsd" = CASE WHEN "costDay" = ? THEN "costDayUsd" + ? ELSE ? END, "costDay" = ? WHERE "projectId" = ? AND "id" = ?`,
      [day, usd, usd, day, scope.projectId, id],
    );
    const [row] = await tx.query(`SELECT "costDayUsd" FROM "evaluators" WHERE "projectId" = ? AND "id" = ?`, [scope.projectId, id]);
    return row ? Number(row.costDayUsd) : 0;
  });
}

/** The day's spend of an evaluator as stored now (another server may have added to it). */
export async function readEvaluatorCostToday(scope: ProjectScope, id: string, nowMs = Date.now()): Promise<number> {
  const [row] = await getSql().query(`SELECT "costDay", "costDayUsd" FROM "evaluators" WHERE "projectId" = ? AND "id" = ?`, [scope.projectId, id]);
  return row ? costToday({ costDay: strOrNull(row.costDay), costDayUsd: Number(row.costDayUsd) }, nowMs) : 0;
}

/** The project's evaluators as the API shows them. */
export async function listEvaluatorViews(scope: ProjectScope): Promise<EvaluatorView[]> {
  const [evaluators, backfills] = await Promise.all([listEvaluators(scope), latestBackfills(scope)]);
  return evaluators.map((e) => toEvaluatorView(e, backfills.get(e.id) ?? null));
}

export async function getEvaluatorView(scope: ProjectScope, id: string): Promise<EvaluatorView | null> {
  const [evaluator, backfills] = await Promise.all([getEvaluator(scope, id), latestBackfills(scope)]);
  return evaluator ? toEvaluatorView(evaluator, backfills.get(id) ?? null) : null;
}
