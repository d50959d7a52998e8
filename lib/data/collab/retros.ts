import "server-only";
// Retros of a project and the traces they gather.
import { randomUUID } from "node:crypto";
import { getSql } from "@/lib/db/connections";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { IncidentRetro, RetroListItem, RetroStatus, Severity } from "@/lib/retro/collab/retro-types";
import type { TimelineIncident } from "@/lib/retro/collab/retro-timeline";
import type { TraceSummary } from "@/lib/trace/types";
import { toTraceSummary } from "@/lib/data/traces/trace-summary";

export type StoredRetro = {
  id: string;
  title: string;
  severity: Severity;
  status: RetroStatus;
  summary: string;
  alertIncidentId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  traceIds: string[];
};

type RetroRow = {
  id: string;
  title: string;
  severity: string;
  status: string;
  summary: string;
  alertIncidentId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

const toStored = (row: RetroRow, traceIds: string[]): StoredRetro => ({
  id: row.id,
  title: row.title,
  severity: row.severity as Severity,
  status: row.status as RetroStatus,
  summary: row.summary,
  alertIncidentId: row.alertIncidentId,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  closedAt: row.closedAt ? row.closedAt.toISOString() : null,
  traceIds,
});

/** The ids among `traceIds` that the project holds, in the order given. */
export async function existingTraceIds(scope: ProjectScope, traceIds: readonly string[]): Promise<string[]> {
  if (traceIds.length === 0) return [];
  const rows = await getPrisma().trace.findMany({ where: { projectId: scope.projectId, traceId: { in: [...traceIds] } }, select: { traceId: true } });
  const held = new Set(rows.map((r) => r.traceId));
  return traceIds.filter((id) => held.has(id));
}

/** An alert incident of the project with its rule's name and example traces, or null. */
export async function findIncidentForRetro(scope: ProjectScope, incidentId: string): Promise<(TimelineIncident & { exampleTraceIds: string[] }) | null> {
  const [row] = await getSql().query(
    `SELECT i."startMs", i."endMs", i."startValue", i."threshold", i."exampleTraceIds", r."name" AS "ruleName"
     FROM "alert_incidents" i JOIN "alert_rules" r ON r."id" = i."ruleId" WHERE i."projectId" = ? AND i."id" = ?`,
    [scope.projectId, incidentId],
  );
  if (!row) return null;
  const ids = JSON.parse(String(row.exampleTraceIds)) as unknown;
  return {
    ruleName: String(row.ruleName),
    startMs: Number(row.startMs),
    endMs: row.endMs === null || row.endMs === undefined ? null : Number(row.endMs),
    startValue: Number(row.startValue),
    threshold: Number(row.threshold),
    exampleTraceIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [],
  };
}

export async function createRetro(
  scope: ProjectScope,
  input: { title: string; severity: Severity; summary: string; traceIds: string[]; alertIncidentId: string | null; createdBy: string },
): Promise<StoredRetro> {
  const id = randomUUID();
  const now = new Date();
  const traceIds = [...new Set(input.traceIds)];
  await getPrisma().$transaction([
    getPrisma().retro.create({
      data: {
        projectId: scope.projectId,
        id,
        title: input.title,
        severity: input.severity,
        status: "open",
        summary: input.summary,
        alertIncidentId: input.alertIncidentId,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      },
    }),
    getPrisma().retroTrace.createMany({ data: traceIds.map((traceId, position) => ({ projectId: scope.projectId, retroId: id, traceId, position })) }),
  ]);
  return (await findRetro(scope, id))!;
}

export async function findRetro(scope: ProjectScope, id: string): Promise<StoredRetro | null> {
  const prisma = getPrisma();
  const row = await prisma.retro.findUnique({ where: { projectId_id: { projectId: scope.projectId, id } } });
  if (!row) return null;
  const traces = await prisma.retroTrace.findMany({ where: { projectId: scope.projectId, retroId: id }, orderBy: { position: "asc" } });
  return toStored(row, traces.map((t) => t.traceId));
}

export async function listRetros(scope: ProjectScope, limit = 200): Promise<RetroListItem[]> {
  const prisma = getPrisma();
  const rows = await prisma.retro.findMany({ where: { projectId: scope.projectId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit });
  const counts = await prisma.retroTrace.groupBy({
    by: ["retroId"],
    where: { projectId: scope.projectId, retroId: { in: rows.map((r) => r.id) } },
    _count: { traceId: true },
  });
  const countOf = new Map(counts.map((c) => [c.retroId, c._count.traceId]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    severity: row.severity as Severity,
    status: row.status as RetroStatus,
    traceCount: countOf.get(row.id) ?? 0,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The retros made from each of the given alert incidents (oldest first), keyed by incident id. */
export async function listRetrosOfIncidents(scope: ProjectScope, incidentIds: readonly string[]): Promise<Map<string, IncidentRetro[]>> {
  const byIncident = new Map<string, IncidentRetro[]>();
  if (incidentIds.length === 0) return byIncident;
  const rows = await getPrisma().retro.findMany({
    where: { projectId: scope.projectId, alertIncidentId: { in: [...incidentIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, alertIncidentId: true },
  });
  for (const row of rows) {
    const list = byIncident.get(row.alertIncidentId!) ?? [];
    list.push({ id: row.id, title: row.title, status: row.status as RetroStatus });
    byIncident.set(row.alertIncidentId!, list);
  }
  return byIncident;
}

export async function updateRetro(
  scope: ProjectScope,
  id: string,
  changes: { title?: string; severity?: Severity; summary?: string; status?: RetroStatus; addTraceIds?: string[]; removeTraceIds?: string[] },
): Promise<StoredRetro | null> {
  const prisma = getPrisma();
  const current = await findRetro(scope, id);
  if (!current) return null;
  const now = new Date();
  const closing = changes.status === "closed" && current.status !== "closed";
  const reopening = changes.status === "open" && current.status === "closed";
  const added = (changes.addTraceIds ?? []).filter((t, i, all) => !current.traceIds.includes(t) && all.indexOf(t) === i);
  await prisma.$transaction([
    prisma.retro.updateMany({
      where: { projectId: scope.projectId, id },
      data: {
        title: changes.title,
        severity: changes.severity,
        summary: changes.summary,
        status: changes.status,
        updatedAt: now,
        ...(closing ? { closedAt: now } : reopening ? { closedAt: null } : {}),
      },
    }),
    prisma.retroTrace.deleteMany({ where: { projectId: scope.projectId, retroId: id, traceId: { in: changes.removeTraceIds ?? [] } } }),
    prisma.retroTrace.createMany({
      data: added.map((traceId, i) => ({ projectId: scope.projectId, retroId: id, traceId, position: current.traceIds.length + i })),
    }),
  ]);
  return findRetro(scope, id);
}

/** Summaries of the traces, in the order given (ids the project does not hold are skipped). */
export async function traceSummariesOf(scope: ProjectScope, traceIds: readonly string[]): Promise<TraceSummary[]> {
  if (traceIds.length === 0) return [];
  const rows = await getPrisma().trace.findMany({ where: { projectId: scope.projectId, traceId: { in: [...traceIds] } } });
  const byId = new Map(rows.map((r) => [r.traceId, toTraceSummary(r)]));
  return traceIds.flatMap((id) => byId.get(id) ?? []);
}
