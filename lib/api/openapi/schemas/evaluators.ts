// Response schemas of online evaluators. tests/unit/lib/api/openapi/evaluator-schema-types.test.ts holds
// them equal to lib/quality/evaluator-types.ts.
import { z } from "zod";
import { isoTime } from "./common";

const rule = z
  .union([
    z.strictObject({ kind: z.literal("regex"), value: z.string(), flags: z.string() }),
    z.strictObject({ kind: z.literal("contains"), value: z.string() }),
    z.strictObject({ kind: z.literal("json_schema"), value: z.union([z.record(z.string(), z.unknown()), z.boolean()]) }),
    z.strictObject({ kind: z.enum(["max_cost_usd", "max_duration_ms", "max_tool_calls"]), value: z.number() }),
    z.strictObject({ kind: z.enum(["no_error", "no_findings"]) }),
  ])
  .meta({ id: "EvaluatorRule" });

const judge = z
  .strictObject({
    model: z.string(),
    prompt: z.string().meta({ description: "The template: {{input}}, {{output}} and {{expected}} are filled in." }),
    labels: z.array(z.string()).nullable().meta({ description: "The answer must be one of these; null for a numeric judge." }),
    range: z
      .tuple([z.number(), z.number()])
      .meta({ minItems: 2, maxItems: 2 })
      .nullable()
      .meta({ description: "[min, max] of a numeric judge's answer; null for labels." }),
  })
  .meta({ id: "EvaluatorJudge" });

export const backfillProgressSchema = z
  .strictObject({
    jobId: z.string(),
    state: z.enum(["queued", "running", "done", "failed"]),
    done: z.int().meta({ description: "Traces of the range walked so far." }),
    total: z.int().meta({ description: "Traces of the range the filter matched when the backfill was queued." }),
    from: isoTime,
    to: isoTime,
    createdAt: isoTime,
  })
  .meta({ id: "EvaluatorBackfill" });

export const evaluatorSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    scoreName: z.string().meta({ description: "The score each evaluation writes, with source `evaluator`." }),
    target: z.enum(["trace", "llm_span", "tool_span"]),
    filter: z.record(z.string(), z.string()).meta({ description: "Trace-list filters the evaluated traces match." }),
    sampleRate: z.number().meta({ description: "Share of traces evaluated, by a hash of the evaluator's and the trace's ids (reruns agree)." }),
    type: z.enum(["rule", "llm_judge"]),
    rule: rule.nullable(),
    judge: judge.nullable(),
    maxCostUsdPerDay: z.number().nullable().meta({ description: "The judge stops for the (UTC) day once its own calls cost this much." }),
    enabled: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
    lastError: z.string().nullable().meta({ description: "The last failure (a judge call that failed or an answer that could not be read); never a score." }),
    lastErrorAt: isoTime.nullable(),
    failureCount: z.int(),
    costTodayUsd: z.number().meta({ description: "What the judge's own calls cost today (UTC)." }),
    lastBackfill: backfillProgressSchema.nullable(),
  })
  .meta({ id: "Evaluator" });

export const evaluatorListSchema = z.strictObject({ data: z.array(evaluatorSchema) }).meta({ id: "EvaluatorList" });

export const backfillAcceptedSchema = z
  .strictObject({ jobId: z.string(), state: z.literal("queued"), total: z.int() })
  .meta({ id: "EvaluatorBackfillAccepted" });
