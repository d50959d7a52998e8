import "server-only";
// Sessions: the traces that share a sessionId (one trace per turn of a conversation), grouped in SQL.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { nsToIso } from "@/lib/data/traces/trace-summary";
import { toTraceSummary } from "@/lib/data/traces/traces";
import type { SessionDetail, SessionPage, SessionSummary } from "@/lib/trace/session-types";
import type { TraceSummary } from "@/lib/trace/types";

/** Most turns a session page shows; longer sessions show their first turns and say so. */
export const MAX_SESSION_TURNS = 1000;

const msToNs = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

/**
 * Sessions with a turn in [from, to), most recently active first. The cursor is the offset of the next
 * page: sessions are few next to spans, and grouping does not give a stable keyset to seek on.
 */
export async function listSessions(
  scope: ProjectScope,
  options: { from?: string; to?: string; limit?: number; cursor?: string }): Promise<SessionPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const offset = options.cursor && /^\d{1,9}$/.test(options.cursor) ? Number(options.cursor) : 0;
  const prisma = getPrisma();
  const groups = await prisma.trace.groupBy({
    by: ["sessionId"],
    where: {
      projectId: scope.projectId,
      sessionId: { not: null },
      startNs: { gte: options.from ? msToNs(options.from) : undefined, lt: options.to ? msToNs(options.to) : undefined },
    },
    _count: { _all: true },
    _min: { startNs: true },
    _max: { startNs: true, endNs: true, userId: true },
    _sum: { durationMs: true, totalTokens: true, errorCount: true, costUsd: true },
    orderBy: [{ _max: { startNs: "desc" } }, { sessionId: "desc" }],
    skip: offset,
    take: limit + 1,
  });
  const page = groups.slice(0, limit);
  const ids = page.map((g) => g.sessionId!);
  const [firsts, unpriced] = await Promise.all([
    prisma.trace.findMany({ where: { projectId: scope.projectId, sessionId: { in: ids } }, orderBy: { startNs: "asc" }, distinct: ["sessionId"], select: { sessionId: true, name: true } }),
    prisma.trace.groupBy({ by: ["sessionId"], where: { projectId: scope.projectId, sessionId: { in: ids }, hasUnpriced: true }, _count: { _all: true } }),
  ]);
  const firstName = new Map(firsts.map((t) => [t.sessionId, t.name]));
  const unpricedIds = new Set(unpriced.map((g) => g.sessionId));

  const data = page.map((g) => ({
    sessionId: g.sessionId!,
    userId: g._max.userId ?? null,
    turnCount: g._count._all,
    firstTraceName: firstName.get(g.sessionId) ?? null,
    firstStartTime: nsToIso(g._min.startNs ?? 0n),
    lastEndTime: nsToIso(g._max.endNs ?? 0n),
    totalDurationMs: g._sum.durationMs ?? 0,
    totalTokens: Number(g._sum.totalTokens ?? 0),
    errorCount: g._sum.errorCount ?? 0,
    costUsd: g._sum.costUsd ?? null,
    hasUnpriced: unpricedIds.has(g.sessionId),
  }));
  return { data, nextCursor: groups.length > limit ? String(offset + limit) : null };
}

/** The turns of one session in time order (at most MAX_SESSION_TURNS), or null when it has none. */
export async function getSession(scope: ProjectScope, sessionId: string): Promise<SessionDetail | null> {
  const rows = await getPrisma().trace.findMany({ where: { projectId: scope.projectId, sessionId }, orderBy: [{ startNs: "asc" }, { traceId: "asc" }], take: MAX_SESSION_TURNS });
  if (rows.length === 0) return null;
  const turns = rows.map(toTraceSummary);
  return { sessionId, turns, summary: summariseTurns(sessionId, turns) };
}

function summariseTurns(sessionId: string, turns: TraceSummary[]): SessionSummary {
  const priced = turns.filter((t) => t.costUsd != null);
  return {
    sessionId,
    userId: turns.find((t) => t.userId)?.userId ?? null,
    turnCount: turns.length,
    firstTraceName: turns[0]?.name ?? null,
    firstStartTime: turns[0]!.startTime,
    lastEndTime: turns.reduce((max, t) => (t.endTime > max ? t.endTime : max), turns[0]!.endTime),
    totalDurationMs: turns.reduce((sum, t) => sum + t.durationMs, 0),
    totalTokens: turns.reduce((sum, t) => sum + t.totalTokens, 0),
    errorCount: turns.reduce((sum, t) => sum + t.errorCount, 0),
    costUsd: priced.length > 0 ? priced.reduce((sum, t) => sum + (t.costUsd ?? 0), 0) : null,
    hasUnpriced: turns.some((t) => t.hasUnpricedCalls),
  };
}
