import "server-only";
// The incident list (GET /api/v1/alerts/incidents): newest first, with each incident's rule and
// webhook delivery attempts. Reads the small alert tables through the same connection that writes
// them (lib/data/alerts/alert-store.ts), so an incident is listed as soon as its transaction committed.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { deliveryOf, incidentOf, toIncidentView, type Delivery } from "./rows";
import type { AlertMetric, AlertScope } from "@/lib/alerts/rule-schema";

export type IncidentQuery = { state?: "open" | "resolved"; ruleId?: string; limit: number };
export type IncidentViewOptions = { revealWebhookUrl: boolean };
export type IncidentView = ReturnType<typeof toIncidentView>;

export async function listIncidents(scope: ProjectScope, query: IncidentQuery, options: IncidentViewOptions): Promise<IncidentView[]> {
  const sql = getSql();
  const where: string[] = [`i."projectId" = ?`];
  const params: string[] = [scope.projectId];
  for (const [column, value] of [
    ["state", query.state],
    ["ruleId", query.ruleId],
  ] as const) {
    if (value === undefined) continue;
    where.push(`i."${column}" = ?`);
    params.push(value);
  }
  const rows = await sql.query(
    `SELECT i.*, r."name" AS "ruleName", r."metric" AS "ruleMetric", r."scope" AS "ruleScope", r."scopeValue" AS "ruleScopeValue"
     FROM "alert_incidents" i JOIN "alert_rules" r ON r."id" = i."ruleId"
     WHERE ${where.join(" AND ")} ORDER BY i."startMs" DESC, i."id" LIMIT ${Math.trunc(query.limit)}`,
    params,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const deliveryRows = await sql.query(`SELECT * FROM "alert_deliveries" WHERE "incidentId" IN (${ids.map(() => "?").join(", ")}) ORDER BY "atMs", "id"`, ids);
  const deliveries = new Map<string, Delivery[]>();
  for (const row of deliveryRows) {
    const list = deliveries.get(String(row.incidentId)) ?? [];
    list.push(deliveryOf(row));
    deliveries.set(String(row.incidentId), list);
  }
  return rows.map((row) => {
    const rule = {
      name: String(row.ruleName),
      metric: row.ruleMetric as AlertMetric,
      scope: row.ruleScope as AlertScope,
      scopeValue: row.ruleScopeValue === null ? null : String(row.ruleScopeValue),
    };
    return toIncidentView(incidentOf(row), rule, deliveries.get(String(row.id)) ?? [], options);
  });
}
