import "server-only";
// The approval requests: approvals rows (kept at ingest, see approval-writer.ts), newest first, filtered and
// cursor-paginated as every audit list is (audit-page.ts).
import type { Prisma } from "@/prisma/generated/sqlite/index";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { ApprovalListQuery } from "@/lib/trace/approval-list-params";
import type { ApprovalRequest, ApprovalRequestPage } from "@/lib/trace/approval-list-types";
import { AUDIT_ORDER, auditPage, auditPageWhere, nsToIso } from "./audit-page";

function buildWhere(scope: ProjectScope, { filters, cursor }: Pick<ApprovalListQuery, "filters" | "cursor">): Prisma.ApprovalWhereInput {
  const { and, ...window } = auditPageWhere(scope, filters, cursor);
  return {
    ...window,
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
    orderBy: [...AUDIT_ORDER],
    take: query.limit + 1,
  });
  const { page, nextCursor } = auditPage(rows, query.limit);
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
  return { data, nextCursor };
}
