import "server-only";
// Tags added to and removed from many traces in one transaction (the trace list's bulk actions).
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { tracesOverTagLimit, type BulkTagChange } from "@/lib/retro/collab/bulk-tag-schemas";
import { tagsOfTraces } from "./tags";

export type BulkTagResult = { ok: true; tags: Map<string, string[]> } | { ok: false; overLimit: string[] };

/**
 * Applies `change` to every trace of it, all or nothing: a trace that would end up with too many tags
 * refuses the whole change. Tags a trace already carries keep their original time; the traces must exist
 * (the caller checks). Returns each trace's tags afterwards.
 */
export async function changeTagsOfTraces(scope: ProjectScope, change: BulkTagChange): Promise<BulkTagResult> {
  const { projectId } = scope;
  const overLimit = await getPrisma().$transaction(async (tx) => {
    const rows = await tx.traceTag.findMany({ where: { projectId, traceId: { in: change.traceIds } }, select: { traceId: true, tag: true } });
    const current = new Map<string, string[]>();
    for (const row of rows) current.set(row.traceId, [...(current.get(row.traceId) ?? []), row.tag]);
    const refused = tracesOverTagLimit(current, change);
    if (refused.length > 0) return refused;
    if (change.remove.length > 0) await tx.traceTag.deleteMany({ where: { projectId, traceId: { in: change.traceIds }, tag: { in: change.remove } } });
    const now = Date.now();
    const added = change.traceIds.flatMap((traceId) =>
      change.add
        .filter((tag) => !(current.get(traceId) ?? []).includes(tag))
        // One millisecond apart, so a trace shows the added tags in the order given.
        .map((tag, i) => ({ projectId, traceId, tag, createdAt: new Date(now + i) })),
    );
    if (added.length > 0) await tx.traceTag.createMany({ data: added });
    return [];
  });
  if (overLimit.length > 0) return { ok: false, overLimit };
  return { ok: true, tags: await tagsOfTraces(scope, change.traceIds) };
}
