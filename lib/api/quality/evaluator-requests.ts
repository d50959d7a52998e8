import "server-only";
// Request handling shared by the evaluator routes and server actions: a create or change body validated
// into a full configuration (every error names its field, nothing is stored on one), and a backfill's
// time range.
import {
  backfillSchema,
  evaluatorCreateSchema,
  evaluatorPatchSchema,
  firstEvaluatorIssue,
  resolveEvaluatorConfig,
  type EvaluatorConfig,
} from "@/lib/quality/evaluator-config";

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

export function checkBackfill(body: unknown): Checked<{ fromMs: number; toMs: number }> {
  const parsed = backfillSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstEvaluatorIssue(parsed.error);
    return failed(issue.field, issue.message);
  }
  return { ok: true, value: { fromMs: Date.parse(parsed.data.from), toMs: Date.parse(parsed.data.to) } };
}
