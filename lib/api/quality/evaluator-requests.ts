import "server-only";
// Request handling shared by the evaluator routes and server actions: a create or change body validated
// into a full configuration (every error names its field, nothing is stored on one), and a backfill's
// time range.
import { z } from "zod";
import { evaluatorCreateSchema, evaluatorPatchSchema, firstEvaluatorIssue, resolveEvaluatorConfig, type EvaluatorConfig } from "@/lib/quality/evaluator-config";

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const failed = (field: string, message: string) => ({ ok: false as const, field, message: `${field}: ${message}` });

/** A new evaluator's configuration from a JSON body (already parsed). */
export function checkEvaluatorCreate(body: unknown): Checked<EvaluatorConfig> {
  const parsed = evaluatorCreateSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstEvaluatorIssue(parsed.error);
    return failed(issue.field, issue.message);
  }
  const resolved = resolveEvaluatorConfig(parsed.data);
  return resolved.ok ? { ok: true, value: resolved.config } : failed(resolved.field, resolved.message);
}

/** An evaluator's configuration after a change (any subset of the fields) from a JSON body. */
export function checkEvaluatorPatch(body: unknown, existing: EvaluatorConfig): Checked<EvaluatorConfig> {
  const parsed = evaluatorPatchSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstEvaluatorIssue(parsed.error);
    return failed(issue.field, issue.message);
  }
  const resolved = resolveEvaluatorConfig(parsed.data, existing);
  return resolved.ok ? { ok: true, value: resolved.config } : failed(resolved.field, resolved.message);
}

const isoDate = z
  .string({ message: "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z" })
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z");

/** POST /api/v1/evaluators/{id}/backfill: traces that started in [from, to). */
export const backfillSchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), { message: "must be later than from", path: ["to"] })
  .meta({ id: "EvaluatorBackfillRequest", description: "Runs the evaluator over the traces that started in [from, to) and match its filter and sample." });

export function checkBackfill(body: unknown): Checked<{ fromMs: number; toMs: number }> {
  const parsed = backfillSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstEvaluatorIssue(parsed.error);
    return failed(issue.field, issue.message);
  }
  return { ok: true, value: { fromMs: Date.parse(parsed.data.from), toMs: Date.parse(parsed.data.to) } };
}
