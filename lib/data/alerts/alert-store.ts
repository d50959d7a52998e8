import "server-only";
// Alert rules, incidents and delivery attempts in the database, written through the raw connection
// in short transactions (on SQLite one at a time per connection, lib/db/sqlite.ts).
//
// One open incident per rule: an evaluation reads the open incident and writes its transition in
// one transaction, serialised per rule (SQLite has one writer; on PostgreSQL an advisory lock, since
// several server processes may run schedulers on one database).
import { randomUUID } from "node:crypto";
import { getSql } from "@/lib/db/connections";
import type { Row, Sql, SqlValue } from "@/lib/db/sql";
import { transitionFor, type Evaluation, type Transition } from "@/lib/alerts/evaluate";
import { fromRuleRow, incidentOf, RULE_COLUMNS, ruleValues, type AlertRule, type Incident } from "./rows";
import type { AlertRuleConfig } from "@/lib/alerts/rule-schema";
import { generateWebhookSecret } from "@/lib/alerts/webhook-signature";
import type { ProjectScope } from "@/lib/data/scope";
import { enqueueNotification, type OutboxMessage } from "./alert-outbox";

// Two-int4 key space of its own: never collides with the trace or rollup locks of ingest.
const PG_RULE_LOCK = "SELECT pg_advisory_xact_lock(1751607913, hashtext(?))";
const RULE_SELECT = `SELECT r.*, (SELECT i."id" FROM "alert_incidents" i WHERE i."ruleId" = r."id" AND i."state" = 'open' LIMIT 1) AS "openIncidentId" FROM "alert_rules" r`;

const write = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => getSql().transaction(fn);

/** Every rule of the project, oldest first. */
export async function listRules(scope: ProjectScope): Promise<AlertRule[]> {
  const rows = await getSql().query(`${RULE_SELECT} WHERE r."projectId" = ? ORDER BY r."createdMs", r."id"`, [scope.projectId]);
  return rows.map(fromRuleRow);
}

/** The enabled rules of every project, for the scheduler (each rule names its project). */
export async function listEnabledRulesOfAllProjects(): Promise<AlertRule[]> {
  const rows = await getSql().query(`${RULE_SELECT} WHERE r."enabled" = ? ORDER BY r."projectId", r."createdMs", r."id"`, [true]);
  return rows.map(fromRuleRow);
}

export async function getRule(scope: ProjectScope, id: string): Promise<AlertRule | null> {
  const [row] = await getSql().query(`${RULE_SELECT} WHERE r."projectId" = ? AND r."id" = ?`, [scope.projectId, id]);
  return row ? fromRuleRow(row) : null;
}

/** Creates a rule with a new webhook signing secret (the returned rule carries it, this once). */
export async function createRule(scope: ProjectScope, config: AlertRuleConfig): Promise<AlertRule> {
  const id = randomUUID();
  const now = Date.now();
  await write((tx) =>
    tx.run(
      `INSERT INTO "alert_rules" (${RULE_COLUMNS.map((c) => `"${c}"`).join(", ")}, "id", "projectId", "webhookSecret", "createdMs", "updatedMs") VALUES (${RULE_COLUMNS.map(() => "?").join(", ")}, ?, ?, ?, ?, ?)`,
      [...ruleValues(config), id, scope.projectId, generateWebhookSecret(), BigInt(now), BigInt(now)],
    ),
  );
  return (await getRule(scope, id))!;
}

/** Replaces a rule's configuration; null when the project has no such rule. */
export async function updateRule(scope: ProjectScope, id: string, config: AlertRuleConfig): Promise<AlertRule | null> {
  const changed = await write((tx) =>
    tx.run(`UPDATE "alert_rules" SET ${RULE_COLUMNS.map((c) => `"${c}" = ?`).join(", ")}, "updatedMs" = ? WHERE "projectId" = ? AND "id" = ?`, [
      ...ruleValues(config),
      BigInt(Date.now()),
      scope.projectId,
      id,
    ]),
  );
  return changed > 0 ? getRule(scope, id) : null;
}

/** Deletes a rule with its incidents and their delivery records; false when the project has no such rule. */
export async function deleteRule(scope: ProjectScope, id: string): Promise<boolean> {
  return write(async (tx) => {
    const [rule] = await tx.query(`SELECT "id" FROM "alert_rules" WHERE "projectId" = ? AND "id" = ?`, [scope.projectId, id]);
    if (!rule) return false;
    await tx.run(`DELETE FROM "alert_deliveries" WHERE "incidentId" IN (SELECT "id" FROM "alert_incidents" WHERE "ruleId" = ?)`, [id]);
    await tx.run(`DELETE FROM "alert_outbox" WHERE "projectId" = ? AND "ruleId" = ?`, [scope.projectId, id]);
    await tx.run(`DELETE FROM "alert_incidents" WHERE "ruleId" = ?`, [id]);
    return (await tx.run(`DELETE FROM "alert_rules" WHERE "id" = ?`, [id])) > 0;
  });
}

export type RecordedEvaluation = { transition: Transition; incident: Incident | null; notifying: boolean };
/** The webhook notification of an incident that opened or closed, or null when the rule sends none. */
export type NotificationOf = (incident: Incident) => Omit<OutboxMessage, "ruleId" | "incidentId"> | null;

/**
 * Applies an evaluation: opens an incident (fire), raises its peak (continue), or closes it
 * (resolve), and notes the evaluation on the rule. `exampleTraceIds` are kept when it opens. When the
 * incident opened or closed, `notificationOf` gives its notification, queued in the same transaction.
 */
export async function recordEvaluation(
  scope: ProjectScope,
  ruleId: string,
  e: Evaluation,
  exampleTraceIds: readonly string[],
  nowMs: number,
  notificationOf: NotificationOf = () => null,
): Promise<RecordedEvaluation> {
  return write(async (tx) => {
    const recorded = await applyEvaluation(tx, scope, ruleId, e, exampleTraceIds, nowMs);
    const changed = recorded.incident !== null && (recorded.transition === "fire" || recorded.transition === "resolve");
    const message = changed ? notificationOf(recorded.incident!) : null;
    if (message) await enqueueNotification(tx, scope.projectId, { ...message, ruleId, incidentId: recorded.incident!.id });
    return { ...recorded, notifying: message !== null };
  });
}

async function applyEvaluation(
  tx: Sql,
  scope: ProjectScope,
  ruleId: string,
  e: Evaluation,
  exampleTraceIds: readonly string[],
  nowMs: number,
): Promise<Omit<RecordedEvaluation, "notifying">> {
  if (tx.dialect === "postgres") await tx.query(PG_RULE_LOCK, [ruleId]);
  const noted = await tx.run(`UPDATE "alert_rules" SET "lastEvaluatedMs" = ?, "lastValue" = ? WHERE "projectId" = ? AND "id" = ?`, [
    BigInt(nowMs),
    e.value,
    scope.projectId,
    ruleId,
  ]);
  if (noted === 0) return { transition: "none", incident: null }; // deleted meanwhile
  const [open] = await tx.query(`SELECT * FROM "alert_incidents" WHERE "ruleId" = ? AND "state" = 'open' LIMIT 1`, [ruleId]);
  const transition = transitionFor(open !== undefined, e);
  if (transition === "fire") {
    const id = randomUUID();
    const value = e.value!,
      limit = e.limit!; // a breach has both
    await tx.run(
      `INSERT INTO "alert_incidents" ("id", "projectId", "ruleId", "state", "startMs", "endMs", "startValue", "baseline", "threshold", "peakValue", "lastValue", "exampleTraceIds") VALUES (?, ?, ?, 'open', ?, NULL, ?, ?, ?, ?, ?, ?)`,
      [id, scope.projectId, ruleId, BigInt(nowMs), value, e.baseline, limit, value, value, JSON.stringify(exampleTraceIds)],
    );
    return { transition, incident: await readIncident(tx, id) };
  }
  if (!open) return { transition, incident: null };
  const id = String(open.id);
  if (transition === "continue") {
    await tx.run(`UPDATE "alert_incidents" SET "peakValue" = ?, "lastValue" = ? WHERE "id" = ?`, [Math.max(Number(open.peakValue), e.value!), e.value, id]);
  } else {
    const last: SqlValue = e.value ?? Number(open.lastValue);
    await tx.run(`UPDATE "alert_incidents" SET "state" = 'resolved', "endMs" = ?, "lastValue" = ? WHERE "id" = ?`, [BigInt(nowMs), last, id]);
  }
  return { transition, incident: await readIncident(tx, id) };
}

async function readIncident(tx: Sql, id: string): Promise<Incident> {
  const [row] = await tx.query(`SELECT * FROM "alert_incidents" WHERE "id" = ?`, [id]);
  return incidentOf(row as Row);
}
