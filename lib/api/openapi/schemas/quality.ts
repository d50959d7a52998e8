// Response schemas of the quality API: scores and score metrics.
// tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to lib/quality's types.
import { z } from "zod";
import { SCORE_SOURCES } from "@/lib/quality/score-types";
import { isoTime } from "./common";

export const scoreSchema = z
  .strictObject({
    id: z.string(),
    traceId: z.string().meta({ description: "32 lower-case hexadecimal characters." }),
    spanId: z.string().nullable().meta({ description: "The scored span; null for a score of the whole trace." }),
    name: z.string().meta({ description: "What was scored, e.g. `accuracy`, `helpfulness`, `valid_json`." }),
    value: z.number().nullable(),
    label: z.string().nullable(),
    comment: z
      .string()
      .nullable()
      .meta({ description: "Why: a reviewer's note, a judge's explanation, an evaluation event's `gen_ai.evaluation.explanation`." }),
    source: z.enum(SCORE_SOURCES).meta({
      description:
        "`api`: POST /api/v1/scores; `otel`: a `gen_ai.evaluation.result` span event or log record; `evaluator`: an online evaluator; `review`: a human review.",
    }),
    author: z.string().nullable().meta({ description: "Who gave it: the user's email or the API key's name, the evaluator's name." }),
    createdAt: isoTime,
  })
  .meta({ id: "Score", description: "A quality score of a trace or one of its spans." });

export const scorePageSchema = z
  .strictObject({
    data: z.array(scoreSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last one." }),
  })
  .meta({ id: "ScorePage" });

export const scorePointSchema = z
  .strictObject({
    bucketStart: isoTime.meta({ description: "Start of the UTC-aligned bucket the scored runs started in." }),
    group: z.string().meta({ description: "The score's name, or the task, agent or model of the scored trace." }),
    count: z.int(),
    mean: z.number().nullable().meta({ description: "Mean value; null when the scores there carry labels only." }),
    passRate: z.number().meta({
      description: "Share of scores that pass, 0–1: a label `pass`, `good`, `correct` or `true` (any case), or, for a score without a label, a value ≥ 0.5.",
    }),
  })
  .meta({ id: "ScorePoint", description: "Scores of one group in one bucket." });

export const scoreSeriesSchema = z.strictObject({ data: z.array(scorePointSchema) }).meta({ id: "ScoreSeries" });
