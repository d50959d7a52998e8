// Query-string parameters of GET /api/v1/approvals (and the Approval requests page), validated once for both
// and read by the OpenAPI document. Every error names the parameter. Pure.
import { z } from "zod";
import { APPROVAL_DECISIONS, type ApprovalDecision } from "./approval-list-types";

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => new Date(v));
const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(500, "must be at most 500 characters")
  .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const CURSOR = /^(\d{1,20})\.([0-9a-f]{32})\.([0-9a-f]{16})$/;

/** Each parameter, validated on its own (all optional). */
export const APPROVAL_LIST_PARAMS = {
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500"),
  cursor: z.string().regex(CURSOR, "must be a nextCursor value from a previous page"),
  from: isoDate,
  to: isoDate,
  decision: z.enum(APPROVAL_DECISIONS, { message: `must be one of ${APPROVAL_DECISIONS.join(", ")}` }),
  action: text,
  agent: text,
  approver: text,
  task: text,
  userId: text,
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
export type ApprovalListCursor = { startNs: bigint; traceId: string; spanId: string };
export type ApprovalListQuery = { filters: ApprovalListFilters; limit: number; cursor?: ApprovalListCursor };
export type ParsedApprovalListQuery = ({ ok: true } & ApprovalListQuery) | { ok: false; parameter: string; message: string };

/** The cursor of the page after `row` (newest first: time, then trace and span id, descending). */
export const approvalListCursor = (row: ApprovalListCursor) => `${row.startNs}.${row.traceId}.${row.spanId}`;

/**
 * Validates the parameters. Unknown ones are errors for the API; the page passes `ignoreUnknown` because its
 * URL carries view state too (the shared time range among it).
 */
export function parseApprovalListParams(params: URLSearchParams, options: { ignoreUnknown?: boolean } = {}): ParsedApprovalListQuery {
  const values: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    const schema = APPROVAL_LIST_PARAMS[key as keyof typeof APPROVAL_LIST_PARAMS];
    if (!schema) {
      if (options.ignoreUnknown) continue;
      return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(APPROVAL_LIST_PARAMS).join(", ")}` };
    }
    if (raw === "" && options.ignoreUnknown) continue;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    values[key] = parsed.data;
  }
  const { limit = 50, cursor, ...filters } = values as ApprovalListFilters & { limit?: number; cursor?: string };
  if (filters.from && filters.to && filters.from > filters.to) return { ok: false, parameter: "to", message: "must not be earlier than from" };
  const match = cursor ? CURSOR.exec(cursor) : null;
  return {
    ok: true,
    filters,
    limit,
    cursor: match ? { startNs: BigInt(match[1]!), traceId: match[2]!, spanId: match[3]! } : undefined,
  };
}
