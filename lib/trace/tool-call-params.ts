// Query-string parameters of GET /api/v1/tool-calls (and its CSV export and the Tool calls page), validated
// once for all of them and read by the OpenAPI document. Every error names the parameter. Pure.
import { z } from "zod";

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
export const TOOL_CALL_PARAMS = {
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500"),
  cursor: z.string().regex(CURSOR, "must be a nextCursor value from a previous page"),
  from: isoDate,
  to: isoDate,
  tool: text,
  server: text,
  agent: text,
  userId: text,
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
export type ToolCallCursor = { startNs: bigint; traceId: string; spanId: string };
export type ToolCallQuery = { filters: ToolCallFilters; limit: number; cursor?: ToolCallCursor };
export type ParsedToolCallQuery = ({ ok: true } & ToolCallQuery) | { ok: false; parameter: string; message: string };

/** The cursor of the page after `row` (newest first: time, then trace and span id, descending). */
export const toolCallCursor = (row: ToolCallCursor) => `${row.startNs}.${row.traceId}.${row.spanId}`;

/**
 * Validates the parameters. Unknown ones are errors for the API; the page passes `ignoreUnknown` because its
 * URL carries view state too. `withoutApproval=true` is about writes: it implies effect=write.
 */
export function parseToolCallParams(params: URLSearchParams, options: { ignoreUnknown?: boolean; allow?: readonly string[] } = {}): ParsedToolCallQuery {
  const values: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    if (options.allow?.includes(key)) continue;
    const schema = TOOL_CALL_PARAMS[key as keyof typeof TOOL_CALL_PARAMS];
    if (!schema) {
      if (options.ignoreUnknown) continue;
      return { ok: false, parameter: key, message: `unknown parameter; allowed: ${[...Object.keys(TOOL_CALL_PARAMS), ...(options.allow ?? [])].join(", ")}` };
    }
    if (raw === "" && options.ignoreUnknown) continue;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    values[key] = parsed.data;
  }
  const { limit = 50, cursor, ...filters } = values as Partial<ToolCallFilters> & { limit?: number; cursor?: string };
  if (filters.from && filters.to && filters.from > filters.to) return { ok: false, parameter: "to", message: "must not be earlier than from" };
  if (filters.withoutApproval && filters.effect === "read")
    return { ok: false, parameter: "effect", message: "must be write (or omitted) with withoutApproval=true" };
  const match = cursor ? CURSOR.exec(cursor) : null;
  return {
    ok: true,
    filters,
    limit,
    cursor: match ? { startNs: BigInt(match[1]!), traceId: match[2]!, spanId: match[3]! } : undefined,
  };
}
