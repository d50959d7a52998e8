// What the audit pages (tool calls, approval requests) share in their query strings: a time window, a page
// size and a cursor over (time, trace, span) newest first, and one way to validate them with every error
// naming its parameter. Each page adds its own filters. Pure.
import { z } from "zod";

export const isoDateParam = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => new Date(v));
export const textParam = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(500, "must be at most 500 characters")
  .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const CURSOR = /^(\d{1,20})\.([0-9a-f]{32})\.([0-9a-f]{16})$/;

/** The parameters every audit page takes (all optional). */
export const AUDIT_PAGE_PARAMS = {
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500"),
  cursor: z.string().regex(CURSOR, "must be a nextCursor value from a previous page"),
  from: isoDateParam,
  to: isoDateParam,
} as const;

export type AuditCursor = { startNs: bigint; traceId: string; spanId: string };
export type AuditTimeWindow = { from?: Date; to?: Date };
export type ParsedAuditPage<F> = { ok: true; filters: F; limit: number; cursor?: AuditCursor } | { ok: false; parameter: string; message: string };

/** The cursor of the page after `row`. */
export const auditCursor = (row: AuditCursor) => `${row.startNs}.${row.traceId}.${row.spanId}`;

/** A cursor `auditCursor` wrote (already validated by the `cursor` parameter's pattern). */
export function parseAuditCursor(cursor: string): AuditCursor {
  const match = CURSOR.exec(cursor);
  if (!match) throw new Error("not an audit page cursor");
  return { startNs: BigInt(match[1]!), traceId: match[2]!, spanId: match[3]! };
}

type ParamSchemas = Record<string, z.ZodType>;

/**
 * Validates `params` against `schemas` (which include AUDIT_PAGE_PARAMS). Unknown parameters are errors for
 * the API; pages pass `ignoreUnknown` because their URLs carry view state too (the shared time range among
 * it), and `allow` names extra parameters a caller reads itself.
 */
export function parseAuditPageParams<F extends AuditTimeWindow>(
  schemas: ParamSchemas,
  params: URLSearchParams,
  options: { ignoreUnknown?: boolean; allow?: readonly string[] } = {},
): ParsedAuditPage<F> {
  const values: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    if (options.allow?.includes(key)) continue;
    const schema = Object.hasOwn(schemas, key) ? schemas[key] : undefined;
    if (!schema) {
      if (options.ignoreUnknown) continue;
      return { ok: false, parameter: key, message: `unknown parameter; allowed: ${[...Object.keys(schemas), ...(options.allow ?? [])].join(", ")}` };
    }
    if (raw === "" && options.ignoreUnknown) continue;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    values[key] = parsed.data;
  }
  const { limit = 50, cursor, ...filters } = values as F & { limit?: number; cursor?: string };
  if (filters.from && filters.to && filters.from > filters.to) return { ok: false, parameter: "to", message: "must not be earlier than from" };
  return { ok: true, filters: filters as unknown as F, limit, cursor: cursor ? parseAuditCursor(cursor) : undefined };
}
