// Query-string parameters of GET /api/v1/model-changes: from and to (ISO 8601; default the last 7 days up to
// now), and optionally one task. Every error names the parameter. Pure.
import { z } from "zod";

const DAY_MS = 86_400_000;
const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));

export const MODEL_CHANGE_PARAMS = {
  from: isoDate,
  to: isoDate,
  task: z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
} as const;

export type ModelChangeQuery = { fromMs: number; toMs: number; task?: string };
export type ParsedModelChangeQuery = ({ ok: true } & ModelChangeQuery) | { ok: false; parameter: string; message: string };

export function parseModelChangeParams(params: URLSearchParams, nowMs = Date.now()): ParsedModelChangeQuery {
  const values: { from?: number; to?: number; task?: string } = {};
  for (const [key, raw] of params) {
    const schema = MODEL_CHANGE_PARAMS[key as keyof typeof MODEL_CHANGE_PARAMS];
    if (!schema) return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(MODEL_CHANGE_PARAMS).join(", ")}` };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    Object.assign(values, { [key]: parsed.data });
  }
  const toMs = values.to ?? nowMs;
  const fromMs = values.from ?? toMs - 7 * DAY_MS;
  if (fromMs >= toMs)
    return values.to === undefined
      ? { ok: false, parameter: "from", message: "must be earlier than to (default: now)" }
      : { ok: false, parameter: "to", message: "must be later than from" };
  return { ok: true, fromMs, toMs, ...(values.task === undefined ? {} : { task: values.task }) };
}
