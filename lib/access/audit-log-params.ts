// Query-string parameters of GET /api/v1/projects/{slug}/audit-log. Other parameters are ignored. Pure:
// the route and the OpenAPI document read the same schemas.
import { z } from "zod";

const time = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 time")
  .transform((v) => Date.parse(v));

export const AUDIT_LOG_PARAMS = {
  from: time,
  to: time,
  cursor: z.string().regex(/^\d{1,16}_[0-9a-f-]{36}$/, "is not a cursor this endpoint gave"),
};

type Failure = { ok: false; parameter: string; message: string };
export type AuditLogQuery = { fromMs?: number; toMs?: number; cursor?: string };

function read<K extends keyof typeof AUDIT_LOG_PARAMS>(
  params: URLSearchParams,
  key: K,
): { ok: true; value?: z.output<(typeof AUDIT_LOG_PARAMS)[K]> } | Failure {
  const raw = params.get(key);
  if (raw === null) return { ok: true };
  const parsed = AUDIT_LOG_PARAMS[key].safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data as z.output<(typeof AUDIT_LOG_PARAMS)[K]> }
    : { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
}

export function parseAuditLogParams(params: URLSearchParams): ({ ok: true } & AuditLogQuery) | Failure {
  const from = read(params, "from");
  if (!from.ok) return from;
  const to = read(params, "to");
  if (!to.ok) return to;
  const cursor = read(params, "cursor");
  if (!cursor.ok) return cursor;
  return { ok: true, fromMs: from.value, toMs: to.value, cursor: cursor.value };
}
