import "server-only";
// The approval requests: approvals rows (kept at ingest, see approval-writer.ts), newest first, filtered and
// cursor-paginated. The time index orders the walk and the page ends after `limit` rows.
import type { Prisma } from "@/prisma/generated/sqlite/index";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { approvalListCursor, type ApprovalListQuery } from "@/lib/trace/approval-list-params";
import type { ApprovalRequest, ApprovalRequestPage } from "@/lib/trace/approval-list-types";

const msToNs = (date: Date) => BigInt(date.getTime()) * 1_000_000n;
const nsToIso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();

function buildWhere(scope: ProjectScope, { filters, cursor }: Pick<ApprovalListQuery, "filters" | "cursor">): Prisma.ApprovalWhereInput {
  const and: Prisma.ApprovalWhereInput[] = [];
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
  return {
    projectId: scope.projectId,
    startNs: { gte: filters.from ? msToNs(filters.from) : undefined, lt: filters.to ? msToNs(filters.to) : undefined },
    decision: filters.decision,
    action: filters.action,
    agentName: filters.agent,
    approver: filters.approver,
    task: filters.task,
    userId: filters.userId,
    AND: and,
  };
}

/** One page of approval requests; `nextCursor` when more follow. */
export async function listApprovalRequests(scope: ProjectScope, query: ApprovalListQuery): Promise<ApprovalRequestPage> {
  const rows = await getPrisma().approval.findMany({
    where: buildWhere(scope, query),
    orderBy: [{ startNs: "desc" }, { traceId: "desc" }, { spanId: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const data = page.map(
    (r): ApprovalRequest => ({
      traceId: r.traceId,
      spanId: r.spanId,
      time: nsToIso(r.startNs),
      action: r.action,
      decision: r.decision,
      approver: r.approver,
      policy: r.policy,
      agentName: r.agentName,
      task: r.task,
      userId: r.userId,
      waitMs: r.waitMs,
    }),
  );
  const last = page.at(-1);
  return { data, nextCursor: rows.length > query.limit && last ? approvalListCursor(last) : null };
}
