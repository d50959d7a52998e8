// Online evaluators as the API takes them (POST creates, PATCH changes any subset), validated so every
// error names its field: what they score (the trace, or each LLM or tool span of it), which traces (list
// filters, a sample rate), and how: a rule (./evaluator-rules.ts) or an LLM judge (./judge-config.ts). Pure.
import { z } from "zod";
import { checkRule, TRACE_ONLY_KINDS, type Rule } from "./evaluator-rules";
import { checkEvaluatorFilter, type EvaluatorFilter } from "./evaluator-filter";
import { checkJudge, type JudgeConfig } from "./judge-config";
import { MAX_SCORE_NAME } from "./score-input";

import { EVALUATOR_TARGETS, EVALUATOR_TYPES, type EvaluatorTarget, type EvaluatorType } from "./evaluator-kinds";

export { EVALUATOR_TARGETS, EVALUATOR_TYPES, type EvaluatorTarget, type EvaluatorType };

export type EvaluatorConfig = {
  name: string;
  scoreName: string;
  target: EvaluatorTarget;
  filter: EvaluatorFilter;
  sampleRate: number;
  type: EvaluatorType;
  rule: Rule | null;
  judge: JudgeConfig | null;
  /** LLM judges stop for the (UTC) day once their calls cost this much; null: no cap. */
  maxCostUsdPerDay: number | null;
  enabled: boolean;
};

const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const text = (max: number) =>
  z
    .string(expected("must be a string"))
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");

const FIELDS = {
  name: text(200),
  scoreName: text(MAX_SCORE_NAME),
  target: z.enum(EVALUATOR_TARGETS, { message: `must be one of ${EVALUATOR_TARGETS.join(", ")}` }),
  filter: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .nullable()
    .meta({ description: 'Trace-list filters as an object, e.g. {"name": "refund-flow", "status": "error"}.' }),
  sampleRate: z.number({ message: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1"),
  type: z.enum(EVALUATOR_TYPES, expected(`must be one of ${EVALUATOR_TYPES.join(", ")}`)),
  rule: z.looseObject({ kind: z.string(), value: z.unknown().optional(), flags: z.string().optional() }).nullable().meta({
    description:
      "For type rule: { kind, value }. Kinds: regex (value: pattern, optional flags imsu), contains (text), json_schema (a JSON Schema), max_cost_usd, max_duration_ms, max_tool_calls (numbers), no_error, no_findings (no value).",
  }),
  judge: z
    .looseObject({ model: z.string(), prompt: z.string(), labels: z.array(z.string()).optional(), range: z.array(z.number()).optional() })
    .nullable()
    .meta({
      description:
        "For type llm_judge: { model, prompt (with {{input}}, {{output}}, {{expected}}; {{output}} required), labels? | range? ([min, max], default [0, 1]) }.",
    }),
  maxCostUsdPerDay: z.number({ message: "must be a number" }).finite().min(0, "must be 0 or more").nullable(),
  enabled: z.boolean({ message: "must be true or false" }),
};

/** PATCH body: any subset (null clears `rule`, `judge` or `maxCostUsdPerDay`). POST checks the required ones in resolveEvaluatorConfig. */
export const evaluatorPatchSchema = z.strictObject(FIELDS).partial();
export type EvaluatorPatch = z.infer<typeof evaluatorPatchSchema>;
/** POST body: name, scoreName and type required, the rest optional (then resolveEvaluatorConfig's checks). */
export const evaluatorCreateSchema = z.strictObject({
  ...evaluatorPatchSchema.shape,
  name: FIELDS.name,
  scoreName: FIELDS.scoreName,
  type: FIELDS.type,
});

export type EvaluatorCheck = { ok: true; config: EvaluatorConfig } | { ok: false; field: string; message: string };

/** The full configuration after applying `input` to `existing` (or to the defaults when creating). */
export function resolveEvaluatorConfig(input: EvaluatorPatch, existing?: EvaluatorConfig): EvaluatorCheck {
  const name = input.name ?? existing?.name;
  if (!name) return { ok: false, field: "name", message: "is required" };
  const scoreName = input.scoreName ?? existing?.scoreName;
  if (!scoreName) return { ok: false, field: "scoreName", message: "is required" };
  const type = input.type ?? existing?.type;
  if (!type) return { ok: false, field: "type", message: `is required: one of ${EVALUATOR_TYPES.join(", ")}` };
  const target = input.target ?? existing?.target ?? "trace";
  let filter = existing?.filter ?? {};
  if (input.filter !== undefined) {
    const checked = checkEvaluatorFilter(input.filter);
    if (!checked.ok) return checked;
    filter = checked.filter;
  }
  let rule: Rule | null = type === "rule" ? (existing?.rule ?? null) : null;
  let judge: JudgeConfig | null = type === "llm_judge" ? (existing?.judge ?? null) : null;
  if (type === "rule") {
    if (input.judge !== undefined && input.judge !== null) return { ok: false, field: "judge", message: "is only for llm_judge evaluators" };
    if (input.rule !== undefined && input.rule !== null) {
      const checked = checkRule(input.rule);
      if (!checked.ok) return checked;
      rule = checked.rule;
    }
    if (!rule) return { ok: false, field: "rule", message: "is required for a rule evaluator: { kind, value }" };
    if (target !== "trace" && TRACE_ONLY_KINDS.includes(rule.kind)) return { ok: false, field: "target", message: `must be trace for ${rule.kind} rules` };
  } else {
    if (input.rule !== undefined && input.rule !== null) return { ok: false, field: "rule", message: "is only for rule evaluators" };
    if (input.judge !== undefined && input.judge !== null) {
      const checked = checkJudge(input.judge);
      if (!checked.ok) return checked;
      judge = checked.judge;
    }
    if (!judge) return { ok: false, field: "judge", message: "is required for an llm_judge evaluator: { model, prompt, labels? | range? }" };
  }
  const maxCostUsdPerDay = input.maxCostUsdPerDay !== undefined ? input.maxCostUsdPerDay : (existing?.maxCostUsdPerDay ?? null);
  return {
    ok: true,
    config: {
      name,
      scoreName,
      target,
      filter,
      sampleRate: input.sampleRate ?? existing?.sampleRate ?? 1,
      type,
      rule,
      judge,
      maxCostUsdPerDay,
      enabled: input.enabled ?? existing?.enabled ?? true,
    },
  };
}

/** The field and message of a zod failure (unknown keys name the key). */
export function firstEvaluatorIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: "body", message: "is invalid" };
  if (issue.code === "unrecognized_keys") return { field: issue.keys[0] ?? "body", message: "is not an evaluator field" };
  return { field: issue.path.join(".") || "body", message: issue.message };
}

const isoDate = z
  .string({ message: "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z" })
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z");

/** POST /api/v1/evaluators/{id}/backfill: traces that started in [from, to). */
export const backfillSchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), { message: "must be later than from", path: ["to"] })
  .meta({ id: "EvaluatorBackfillRequest", description: "Runs the evaluator over the traces that started in [from, to) and match its filter and sample." });
