// The `hindsight.approval.*` attributes of an approval span, for the span detail. Pure; safe on the client.

export type ApprovalView = { decision: string | null; action: string | null; approver: string | null; policy: string | null; reason: string | null };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null);

export function approvalFactsOf(attributes: Record<string, unknown>): ApprovalView {
  return {
    decision: text(attributes["hindsight.approval.decision"])?.trim().toLowerCase() ?? null,
    action: text(attributes["hindsight.approval.action"]),
    approver: text(attributes["hindsight.approval.approver"]),
    policy: text(attributes["hindsight.approval.policy"]),
    reason: text(attributes["hindsight.approval.reason"]),
  };
}
