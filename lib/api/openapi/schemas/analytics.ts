// Response schemas of the analytics API: latency and cost points, and the drift report.
// tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to lib/analytics's types.
import { z } from "zod";
import { DRIFT_BUCKETS, DRIFT_GROUP_BY } from "@/lib/analytics/drift-params";
import { isoTime, orNull } from "./common";

const bucketStart = isoTime.meta({ description: "Start of the UTC-aligned bucket; an item falls in the bucket of its start time." });
const group = z.string().meta({ description: "The value grouped by (a trace name, agent, tool, model, user, …)." });

export const latencyPointSchema = z
  .strictObject({ bucketStart, group, count: z.int(), p50Ms: z.number(), p95Ms: z.number(), p99Ms: z.number(), maxMs: z.number() })
  .meta({ id: "LatencyPoint", description: "Latency of one group in one bucket; percentiles are within 1 %." });

export const costPointSchema = z
  .strictObject({
    bucketStart,
    group,
    traces: z.int().meta({ description: "Traces in the bucket (for groupBy=model: distinct traces with a call of that model)." }),
    costUsd: z.number().meta({ description: "For groupBy=model: the cost of that model's LLM calls." }),
    costPerTraceUsd: z.number(),
    inputTokens: z.int(),
    outputTokens: z.int(),
    otherGroups: z.int().optional().meta({ description: "Only on `(other)` points (groups outside `top`): how many groups this point sums." }),
  })
  .meta({ id: "CostPoint", description: "Traces, cost and tokens of one group in one bucket." });

export const latencySeriesSchema = z.strictObject({ data: z.array(latencyPointSchema) }).meta({ id: "LatencySeries" });
export const costSeriesSchema = z.strictObject({ data: z.array(costPointSchema) }).meta({ id: "CostSeries" });

const figures = {
  runs: z.int(),
  costUsd: z.number(),
  costPerRunUsd: z.number().nullable(),
  p95Ms: z.number().nullable(),
  errorRate: z.number().nullable().meta({ description: "Errored runs / runs, 0–1." }),
  tokensPerCall: z.number().nullable().meta({ description: "(input + output tokens) / LLM calls." }),
  toolCallsPerRun: z.number().nullable(),
};
export const driftFiguresSchema = z.strictObject(figures).meta({ id: "DriftFigures", description: "Figures of one group over one range." });

const changeSchema = z
  .strictObject({ costPerRunPct: z.number().nullable(), p95Pct: z.number().nullable(), errorRatePct: z.number().nullable() })
  .meta({ id: "DriftChange", description: "Change of the window against a baseline, in %; null without a baseline." });
const comparedSchema = z.strictObject({ ...figures, change: changeSchema }).meta({ id: "DriftBaseline" });

const changePointSchema = z
  .strictObject({
    bucketStart: isoTime,
    index: z.int().meta({ description: "Index of the change bucket in `series`." }),
    detectedAt: isoTime,
    direction: z.enum(["up", "down"]),
    levelBefore: z.number(),
    levelAfter: z.number(),
    changePct: z.number().nullable(),
  })
  .meta({ id: "DriftChangePoint" });

const seriesPointSchema = z
  .strictObject({ bucketStart: isoTime, runs: z.int(), costPerRunUsd: z.number().nullable(), p95Ms: z.number().nullable(), errorRate: z.number().nullable() })
  .meta({ id: "DriftSeriesPoint" });

const changeSideSchema = z
  .strictObject({
    ...figures,
    from: isoTime,
    to: isoTime,
    sampledRuns: z.int().meta({ description: "Runs of the span sample behind `modelMix` and `retriesPerRun` (the latest of the side)." }),
    modelMix: z.array(z.strictObject({ model: z.string(), calls: z.int(), share: z.number() })),
    retriesPerRun: z.number().nullable().meta({ description: "Repeated calls of one tool within a run, per run." }),
  })
  .meta({ id: "DriftChangeSide" });

export const driftGroupReportSchema = z
  .strictObject({
    group: z.string(),
    current: driftFiguresSchema,
    previous: comparedSchema,
    trailing7d: comparedSchema,
    changePoints: z.strictObject({ costPerRun: orNull(changePointSchema), p95Ms: orNull(changePointSchema) }),
    series: z.array(seriesPointSchema),
    whatChanged: z.strictObject({
      basis: z.enum(["changePoint", "baseline"]).meta({ description: "Before vs after the change point, or the previous period vs the window without one." }),
      before: changeSideSchema,
      after: changeSideSchema,
    }),
  })
  .meta({
    id: "DriftGroupReport",
    description:
      "One task or agent: the window (`current`) against the period of equal length just before it (`previous`) and the 7 days before it (`trailing7d`).",
  });

const range = { from: isoTime, to: isoTime };
export const driftAnswerSchema = z
  .strictObject({
    window: z.strictObject({ ...range, bucket: z.enum(DRIFT_BUCKETS), groupBy: z.enum(DRIFT_GROUP_BY) }),
    baselines: z.strictObject({ previous: z.strictObject(range), trailing7d: z.strictObject(range) }),
    data: z.array(driftGroupReportSchema).meta({ description: "One report per task or agent with runs in the window, most expensive first." }),
  })
  .meta({ id: "DriftAnswer", description: "Ranges are bucket-aligned; `to` is exclusive." });
