// Query-string parameters of GET /api/v1/tool-calls (and its CSV export and the Tool calls page), validated
// once for all of them and read by the OpenAPI document. Every error names the parameter. Pure.
import { z } from "zod";
import { AUDIT_PAGE_PARAMS, parseAuditPageParams, textParam, type AuditCursor, type ParsedAuditPage } from "./audit-page-params";

/** Each parameter, validated on its own (all optional). */
export const TOOL_CALL_PARAMS = {
  ...AUDIT_PAGE_PARAMS,
  tool: textParam,
  server: textParam,
  agent: textParam,
  userId: textParam,
  effect: z.enum(["read", "write"], { message: "must be read or write" }),
  status: z.enum(["ok", "error"], { message: "must be ok or error (ok: any call that did not fail)" }),
  withoutApproval: z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true"),
} as const;

export type ToolCallFilters = {
  from?: Date;
  to?: Date;
  tool?: string;
  server?: string;
  agent?: string;
  userId?: string;
  effect?: "read" | "write";
  status?: "ok" | "error";
  /** Write calls whose run holds no approved approval. */
  withoutApproval?: boolean;
};
export type ToolCallQuery = { filters: ToolCallFilters; limit: number; cursor?: AuditCursor };
export type ParsedToolCallQuery = ParsedAuditPage<ToolCallFilters>;

/**
 * Validates the parameters; see parseAuditPageParams for `ignoreUnknown` and `allow`. `withoutApproval=true`
 * is about writes: it implies effect=write.
 */
export function parseToolCallParams(params: URLSearchParams, options: { ignoreUnknown?: boolean; allow?: readonly string[] } = {}): ParsedToolCallQuery {
  const parsed = parseAuditPageParams<ToolCallFilters>(TOOL_CALL_PARAMS, params, options);
  if (parsed.ok && parsed.filters.withoutApproval && parsed.filters.effect === "read")
    return { ok: false, parameter: "effect", message: "must be write (or omitted) with withoutApproval=true" };
  return parsed;
}
