import "server-only";
// The audit log: who did what and when. Project events carry their project; sign-ins carry none and
// are listed in the audit log of every project whose members they concern.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";

export type AuditActor = { type: "user" | "key" | "system" | "anonymous"; id: string | null; label: string };

export type AuditEventInput = {
  actor: AuditActor;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
};

export type AuditEntry = { id: string; time: string; actor: string; actorType: AuditActor["type"]; action: string; target: string | null; details: Record<string, unknown>; ip: string | null };

function rowValues(projectId: string | null, event: AuditEventInput, nowMs: number) {
  return {
    id: randomUUID(),
    projectId,
    atMs: BigInt(nowMs),
    actorType: event.actor.type,
    actorId: event.actor.id,
    actor: event.actor.label,
    action: event.action,
    target: event.target ?? null,
    details: JSON.stringify(event.details ?? {}),
    ip: event.ip ?? null,
  };
}

/** Records an event of the project. */
export async function recordAuditEvent(scope: ProjectScope, event: AuditEventInput, nowMs = Date.now()): Promise<void> {
  await getPrisma().auditEvent.create({ data: rowValues(scope.projectId, event, nowMs) });
}

/** Records an instance-wide event (sign-ins, project creation). */
export async function recordInstanceEvent(event: AuditEventInput, nowMs = Date.now()): Promise<void> {
  await getPrisma().auditEvent.create({ data: rowValues(null, event, nowMs) });
}

const PAGE_LIMIT = 100;

/**
 * The project's events, newest first, in [from, to): its own, and the instance-wide ones of its current
 * members. `cursor` continues a previous page.
 */
export async function listAuditEvents(
  scope: ProjectScope,
  query: { fromMs?: number; toMs?: number; cursor?: string; limit?: number },
): Promise<{ data: AuditEntry[]; nextCursor: string | null }> {
  const prisma = getPrisma();
  const limit = Math.min(Math.max(query.limit ?? PAGE_LIMIT, 1), 500);
  const members = await prisma.projectMember.findMany({ where: { projectId: scope.projectId }, select: { userId: true } });
  const after = decodeCursor(query.cursor);
  const rows = await prisma.auditEvent.findMany({
    where: {
      AND: [
        { OR: [{ projectId: scope.projectId }, { projectId: null, actorId: { in: members.map((m) => m.userId) } }] },
        { atMs: { gte: query.fromMs === undefined ? undefined : BigInt(query.fromMs), lt: query.toMs === undefined ? undefined : BigInt(query.toMs) } },
        after ? { OR: [{ atMs: { lt: BigInt(after.atMs) } }, { atMs: BigInt(after.atMs), id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ atMs: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      id: r.id,
      time: new Date(Number(r.atMs)).toISOString(),
      actor: r.actor,
      actorType: r.actorType as AuditActor["type"],
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details) as Record<string, unknown>,
      ip: r.ip,
    })),
    nextCursor: rows.length > limit && last ? `${Number(last.atMs)}_${last.id}` : null,
  };
}

function decodeCursor(cursor: string | undefined): { atMs: number; id: string } | null {
  const match = cursor ? /^(\d{1,16})_([0-9a-f-]{36})$/.exec(cursor) : null;
  return match ? { atMs: Number(match[1]), id: match[2]! } : null;
}
