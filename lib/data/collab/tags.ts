import "server-only";
// Tags on traces. The project's vocabulary is every tag in use, most used first.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { TagCount } from "@/lib/retro/collab/types";

export async function listTraceTags(scope: ProjectScope, traceId: string): Promise<string[]> {
  const rows = await getPrisma().traceTag.findMany({ where: { projectId: scope.projectId, traceId }, orderBy: [{ createdAt: "asc" }, { tag: "asc" }] });
  return rows.map((r) => r.tag);
}

/** Tags of many traces at once (the trace list shows them on each row). */
export async function tagsOfTraces(scope: ProjectScope, traceIds: readonly string[]): Promise<Map<string, string[]>> {
  const byTrace = new Map<string, string[]>();
  if (traceIds.length === 0) return byTrace;
  const rows = await getPrisma().traceTag.findMany({
    where: { projectId: scope.projectId, traceId: { in: [...traceIds] } },
    orderBy: [{ createdAt: "asc" }, { tag: "asc" }],
  });
  for (const row of rows) byTrace.set(row.traceId, [...(byTrace.get(row.traceId) ?? []), row.tag]);
  return byTrace;
}

/** Replaces the trace's tags with `tags` in one transaction; tags kept keep their original time. */
export async function setTraceTags(scope: ProjectScope, traceId: string, tags: readonly string[]): Promise<string[]> {
  const prisma = getPrisma();
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.traceTag.deleteMany({ where: { projectId: scope.projectId, traceId, tag: { notIn: [...tags] } } });
    const existing = new Set((await tx.traceTag.findMany({ where: { projectId: scope.projectId, traceId }, select: { tag: true } })).map((r) => r.tag));
    const added = tags.filter((tag) => !existing.has(tag));
    // One millisecond apart, so the order given is the order shown.
    await tx.traceTag.createMany({ data: added.map((tag, i) => ({ projectId: scope.projectId, traceId, tag, createdAt: new Date(now.getTime() + i) })) });
  });
  return listTraceTags(scope, traceId);
}

/** The project's vocabulary: each tag with the number of traces carrying it, most used first. */
export async function listTagVocabulary(scope: ProjectScope, limit = 200): Promise<TagCount[]> {
  const rows = await getPrisma().traceTag.groupBy({
    by: ["tag"],
    where: { projectId: scope.projectId },
    _count: { traceId: true },
    orderBy: [{ _count: { traceId: "desc" } }, { tag: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({ tag: r.tag, traces: r._count.traceId }));
}
