// One approval request, as GET /api/v1/approvals answers it (schema: lib/api/openapi/schemas/governance.ts).
// Safe to import from client components.

export const APPROVAL_DECISIONS = ["approved", "rejected", "timed_out", "escalated"] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export type ApprovalRequest = {
  traceId: string;
  spanId: string;
  /** When the approval was asked for (the span's start). */
  time: string;
  /** What was to be approved (`hindsight.approval.action`). */
  action: string | null;
  /** As sent: one of APPROVAL_DECISIONS, or another word the sender used. */
  decision: string;
  /** Who decided (`hindsight.approval.approver`). */
  approver: string | null;
  policy: string | null;
  /** The nearest agent above the approval. */
  agentName: string | null;
  /** The trace's name. */
  task: string;
  userId: string | null;
  /** The human wait: the approval span's duration. */
  waitMs: number;
};

export type ApprovalRequestPage = { data: ApprovalRequest[]; nextCursor: string | null };
