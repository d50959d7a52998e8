import "server-only";
// The trace list: newest first (or by duration/cost), filtered, cursor-paginated.
import type { Prisma } from "@/prisma/generated/sqlite/index";
import { getDatabaseKind, getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { TraceQuery } from "@/lib/trace/trace-params";
import type { FindingType } from "@/lib/retro/finding-kinds";
import type { TraceFilters, TracePage } from "@/lib/trace/types";
import { toTraceSummary } from "./trace-summary";

export { toTraceSummary } from "./trace-summary";
export { getSpanDetail, getTraceDetail } from "./trace-detail";

const msToNs = (date: Date) => BigInt(date.getTime()) * 1_000_000n;

/** The trace-row condition of each finding type (a failure is a failure mode; the others have counts). */
const FINDING_WHERE: Record<FindingType, Prisma.TraceWhereInput> = {
  tool_loop: { toolLoopCount: { gt: 0 } },
  agent_cycle: { agentCycleCount: { gt: 0 } },
  repeated_llm_call: { repeatedLlmCallCount: { gt: 0 } },
  failure: { failureMode: { not: null } },
};

/** Prisma `where` for the trace list's filters, within the caller's project. */
export function buildTraceWhere(scope: ProjectScope, filters: TraceFilters): Prisma.TraceWhereInput {
  // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs ILIKE.
  const contains = (value: string) => (getDatabaseKind() === "postgres" ? { contains: value, mode: "insensitive" as const } : { contains: value });
  const facet = (name: string, value?: string) => (value ? { facets: { some: { facet: name, value } } } : {});
  const and: Prisma.TraceWhereInput[] = [
    facet("agent", filters.agent),
    facet("model", filters.model),
    facet("tool", filters.tool),
    facet("graph.node", filters.graphNode),
    facet("graph.edge", filters.graphEdge),
  ];
  for (const tag of filters.tags ?? []) and.push({ tags: { some: { tag } } });
  if (filters.finding) and.push(FINDING_WHERE[filters.finding]);
  for (const f of filters.scores ?? []) {
    and.push({ scores: { some: { name: f.name, label: f.label, value: f.min !== undefined || f.max !== undefined ? { gte: f.min, lte: f.max } : undefined } } });
  }
  if (filters.q) {
    const q = contains(filters.q);
    and.push({ OR: [{ name: q }, { spans: { some: { OR: [{ name: q }, { input: q }, { output: q }, { statusMessage: q }] } } }] });
  }
  return {
    projectId: scope.projectId,
    traceId: filters.traceIds ? { in: filters.traceIds } : undefined,
    startNs: { gte: filters.from ? msToNs(filters.from) : undefined, lt: filters.to ? msToNs(filters.to) : undefined },
    status: filters.status,
    name: filters.name,
    sessionId: filters.sessionId,
    userId: filters.userId,
    failureMode: filters.failureMode,
    costUsd: filters.minCostUsd !== undefined || filters.maxCostUsd !== undefined ? { gte: filters.minCostUsd, lte: filters.maxCostUsd } : undefined,
    durationMs: { gte: filters.minDurationMs, lte: filters.maxDurationMs },
    AND: and,
  };
}

const SORT_FIELD = { time: "startNs", duration: "durationMs", cost: "costUsd" } as const;

/** The rows of one page (limit + 1, to tell whether more follow), with the given columns. */
async function findPage<S extends Prisma.TraceSelect | undefined>(
  scope: ProjectScope,
  query: Omit<TraceQuery, "sort" | "order"> & Partial<Pick<TraceQuery, "sort" | "order">>,
  select: S,
) {
  const { filters, limit, cursor, sort = "time", order = "desc" } = query;
  const field = SORT_FIELD[sort];
  const orderBy: Prisma.TraceOrderByWithRelationInput[] =
    field === "costUsd" ? [{ costUsd: { sort: order, nulls: "last" } }, { traceId: order }] : [{ [field]: order }, { traceId: order }];
  const where = buildTraceWhere(scope, filters);
  const after = cursor && field !== "costUsd" ? await afterCursor(scope, cursor, field, order) : null;
  return getPrisma().trace.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy,
    take: limit + 1,
    select,
    ...(cursor && !after ? { cursor: { projectId_traceId: { projectId: scope.projectId, traceId: cursor } }, skip: 1 } : {}),
  });
}

/** One page of trace summaries. `nextCursor` is the last trace id of the page when more follow. */
export async function listTraces(
  scope: ProjectScope,
  query: Omit<TraceQuery, "sort" | "order"> & Partial<Pick<TraceQuery, "sort" | "order">>,
): Promise<TracePage> {
  const rows = await findPage(scope, query, undefined);
  const page = rows.slice(0, query.limit);
  return { data: page.map(toTraceSummary), nextCursor: rows.length > query.limit ? page.at(-1)!.traceId : null };
}

/** One page of the list as trace ids only (what an export walks), with listTraces' order and cursor. */
export async function listTraceIds(
  scope: ProjectScope,
  query: Omit<TraceQuery, "sort" | "order"> & Partial<Pick<TraceQuery, "sort" | "order">>,
): Promise<{ data: string[]; nextCursor: string | null }> {
  const rows = await findPage(scope, query, { traceId: true });
  const page = rows.slice(0, query.limit).map((row) => row.traceId);
  return { data: page, nextCursor: rows.length > query.limit ? page.at(-1)! : null };
}

/**
 * The rows after the cursor's row in (field, traceId) order, as a condition the sort index can seek to
 * (the bound on the field alone is the range; the OR breaks ties by id). Prisma's own cursor made every
 * page cost time in proportion to its depth on SQLite, so walking a whole list (an export) was quadratic.
 * Null when the cursor's row is gone: Prisma's cursor then answers as before.
 */
async function afterCursor(
  scope: ProjectScope,
  cursor: string,
  field: "startNs" | "durationMs",
  order: "asc" | "desc",
): Promise<Prisma.TraceWhereInput | null> {
  const row = await getPrisma().trace.findUnique({
    where: { projectId_traceId: { projectId: scope.projectId, traceId: cursor } },
    select: { startNs: true, durationMs: true },
  });
  if (!row) return null;
  const value = row[field];
  const [beyond, upTo] = order === "desc" ? (["lt", "lte"] as const) : (["gt", "gte"] as const);
  return { AND: [{ [field]: { [upTo]: value } }, { OR: [{ [field]: { [beyond]: value } }, { traceId: { [beyond]: cursor } }] }] };
}
