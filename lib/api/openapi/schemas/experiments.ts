// Response schemas of experiments and their comparison. tests/unit/lib/api/openapi/schema-types.test.ts
// holds them equal to lib/quality/experiment-types.ts.
import { z } from "zod";
import { anyJson, isoTime, jsonObject, orNull } from "./common";
import { statusSchema } from "./traces";

export const experimentSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    datasetId: z.string(),
    metadata: jsonObject.nullable(),
    createdAt: isoTime,
    runCount: z.int(),
    errorCount: z.int().meta({ description: "Runs whose task threw." }),
  })
  .meta({ id: "Experiment" });

export const experimentListSchema = z.strictObject({ data: z.array(experimentSchema) }).meta({ id: "ExperimentList" });

const runScoreInputSchema = z.strictObject({ name: z.string(), value: z.number().nullable(), label: z.string().nullable(), comment: z.string().nullable() });
const runSchema = z.strictObject({ itemId: z.string(), traceId: z.string(), error: z.string().nullable(), scores: z.array(runScoreInputSchema) });

export const experimentDetailSchema = z.strictObject({ ...experimentSchema.shape, runs: z.array(runSchema) }).meta({ id: "ExperimentDetail" });

const runScoreSchema = z.strictObject({ name: z.string(), value: z.number().nullable(), label: z.string().nullable(), passed: z.boolean() });

const runFiguresSchema = z
  .strictObject({
    traceId: z.string(),
    status: statusSchema.nullable().meta({ description: "Null (and the figures too) while the run's trace is not stored." }),
    error: z.string().nullable().meta({ description: "What the task threw." }),
    costUsd: z.number().nullable(),
    durationMs: z.number().nullable(),
    output: anyJson.meta({ description: "The output recorded on the run's root span." }),
    scores: z.array(runScoreSchema).meta({ description: "Each score the SDK's evaluators gave the run, by name." }),
  })
  .meta({ id: "ExperimentRunFigures" });

const scoreFiguresSchema = z.strictObject({ name: z.string(), count: z.int(), mean: z.number().nullable(), passRate: z.number() });

const experimentFiguresSchema = z
  .strictObject({
    experimentId: z.string(),
    name: z.string(),
    runs: z.int(),
    errors: z.int(),
    costUsd: z.number().meta({ description: "Sum over the runs with a cost." }),
    meanCostUsd: z.number().nullable(),
    meanDurationMs: z.number().nullable(),
    scores: z.array(scoreFiguresSchema),
  })
  .meta({ id: "ExperimentFigures" });

const scoreChangeSchema = z
  .strictObject({
    name: z.string(),
    pairs: z.int().meta({ description: "Items both runs of which carry this score." }),
    improved: z.int(),
    regressed: z.int(),
    unchanged: z.int(),
    meanA: z.number().nullable(),
    meanB: z.number().nullable(),
    passRateA: z.number(),
    passRateB: z.number(),
  })
  .meta({ id: "ExperimentScoreChange" });

export const experimentComparisonSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        itemId: z.string(),
        a: orNull(runFiguresSchema),
        b: orNull(runFiguresSchema),
        verdict: z.enum(["improved", "regressed", "mixed", "unchanged", "only_a", "only_b"]),
      }),
    ),
    summary: z.strictObject({
      a: experimentFiguresSchema,
      b: experimentFiguresSchema,
      pairs: z.int().meta({ description: "Items both experiments ran." }),
      scores: z.array(scoreChangeSchema),
      improved: z.array(z.string()).meta({ description: "Items where a score improved and none regressed." }),
      regressed: z.array(z.string()).meta({ description: "Items where a score regressed and none improved." }),
      mixed: z.array(z.string()),
      unchanged: z.int(),
      costChangePct: z.number().nullable().meta({ description: "b against a over the items both ran, in %." }),
      durationChangePct: z.number().nullable(),
    }),
  })
  .meta({ id: "ExperimentComparison" });
