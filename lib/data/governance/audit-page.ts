import "server-only";
// What the audit lists (tool calls, approval requests) share: rows newest first by (time, trace, span), a
// time window, a cursor, and a page that ends after `limit` rows. The time index orders the walk, so the
// cost of a page does not grow with the size of the project.
import type { ProjectScope } from "@/lib/data/scope";
import { auditCursor, type AuditCursor, type AuditTimeWindow } from "@/lib/trace/audit-page-params";

const msToNs = (date: Date) => BigInt(date.getTime()) * 1_000_000n;
export const nsToIso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();

type Window = { gte?: bigint; lt?: bigint };
type CursorCondition = { startNs: { lte: bigint } } | { OR: ({ startNs: { lt: bigint } } | { startNs: bigint; traceId: { lt: string } } | { startNs: bigint; traceId: string; spanId: { lt: string } })[] };

/** The project, the time window and the cursor's conditions of a page (`AND` takes the list's own ones too). */
export function auditPageWhere(scope: ProjectScope, filters: AuditTimeWindow, cursor: AuditCursor | undefined) {
  const and: CursorCondition[] = [];
  if (cursor) {
    // A range on the time (the index's order) first, then the tie-breakers on equal times.
    and.push({ startNs: { lte: cursor.startNs } });
    and.push({
      OR: [
        { startNs: { lt: cursor.startNs } },
        { startNs: cursor.startNs, traceId: { lt: cursor.traceId } },
        { startNs: cursor.startNs, traceId: cursor.traceId, spanId: { lt: cursor.spanId } },
      ],
    });
  }
  const startNs: Window = { gte: filters.from ? msToNs(filters.from) : undefined, lt: filters.to ? msToNs(filters.to) : undefined };
  return { projectId: scope.projectId, startNs, and };
}

export const AUDIT_ORDER = [{ startNs: "desc" }, { traceId: "desc" }, { spanId: "desc" }] as const;

/** The first `limit` of `rows` (fetched with `limit + 1`) and the cursor of the next page, if any. */
export function auditPage<R extends AuditCursor>(rows: R[], limit: number): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? auditCursor(last) : null };
}
