// Query-string parameters of GET /api/v1/approvals (and the Approval requests page), validated once for both
// and read by the OpenAPI document. Every error names the parameter. Pure.
import { z } from "zod";
import { APPROVAL_DECISIONS, type ApprovalDecision } from "./approval-list-types";
import { AUDIT_PAGE_PARAMS, parseAuditPageParams, textParam, type AuditCursor, type ParsedAuditPage } from "./audit-page-params";

/** Each parameter, validated on its own (all optional). */
export const APPROVAL_LIST_PARAMS = {
  ...AUDIT_PAGE_PARAMS,
  decision: z.enum(APPROVAL_DECISIONS, { message: `must be one of ${APPROVAL_DECISIONS.join(", ")}` }),
  action: textParam,
  agent: textParam,
  approver: textParam,
  task: textParam,
  userId: textParam,
} as const;

export type ApprovalListFilters = {
  from?: Date;
  to?: Date;
  decision?: ApprovalDecision;
  action?: string;
  agent?: string;
  approver?: string;
  task?: string;
  userId?: string;
};
export type ApprovalListQuery = { filters: ApprovalListFilters; limit: number; cursor?: AuditCursor };
export type ParsedApprovalListQuery = ParsedAuditPage<ApprovalListFilters>;

/** Validates the parameters; see parseAuditPageParams for `ignoreUnknown`. */
export const parseApprovalListParams = (params: URLSearchParams, options: { ignoreUnknown?: boolean } = {}): ParsedApprovalListQuery =>
  parseAuditPageParams<ApprovalListFilters>(APPROVAL_LIST_PARAMS, params, options);
