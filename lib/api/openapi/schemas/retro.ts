// Response schemas of the retro-analysis endpoints: the critical path, the trace diff and the findings
// metrics. tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to the types the routes answer with.
import { z } from "zod";
import { CHANGED_FIELDS, RETRO_KINDS } from "@/lib/retro/types";
import { isoTime, orNull } from "./common";
import { traceSummarySchema } from "./traces";

const retroKindSchema = z
  .enum(RETRO_KINDS)
  .meta({ id: "RetroKind", description: "A span kind, or `approval` for a span carrying `hindsight.approval.decision`." });

export const criticalPathSchema = z
  .strictObject({
    totalMs: z.number().meta({ description: "Time on the path: the sum of the segments' `selfMs`." }),
    segments: z
      .array(
        z.strictObject({
          spanId: z.string(),
          startTime: isoTime.meta({ description: "Start of the span's window on the path (cut to its parent's)." }),
          endTime: isoTime,
          selfMs: z.number().meta({ description: "Time on the path spent in this span and none of its children on the path." }),
        }),
      )
      .meta({ description: "In start order; parents before their children." }),
    byKind: z.record(retroKindSchema, z.number()).meta({
      description: "`selfMs` summed by kind of span: where the wall-clock went (an agent's own time counts as `agent`, a human approval's wait as `approval`).",
    }),
  })
  .meta({
    id: "CriticalPath",
    description:
      "The chain of spans whose work determined when the trace ended: children that ran in parallel and finished earlier are off it; a child that outlives its parent counts only while the parent ran.",
  });

const deltasSchema = z
  .strictObject({
    durationMs: z.number(),
    costUsd: z.number().nullable().meta({ description: "Null when either side could not be priced." }),
    inputTokens: z.int(),
    outputTokens: z.int(),
    llmCalls: z.int(),
    toolCalls: z.int(),
  })
  .meta({ id: "Deltas", description: "Figures of b minus those of a." });

const stepRefSchema = z
  .strictObject({
    spanId: z.string(),
    name: z.string(),
    kind: retroKindSchema,
    toolName: z.string().nullable(),
    agentName: z.string().nullable(),
    model: z.string().nullable(),
  })
  .meta({ id: "StepRef" });

const diffStepSchema = z
  .strictObject({
    status: z.enum(["same", "changed", "added", "removed"]),
    a: orNull(stepRefSchema),
    b: orNull(stepRefSchema),
    deltas: deltasSchema,
    changed: z.array(z.enum(CHANGED_FIELDS)).meta({ description: "What differs in a `changed` step (inputs and outputs compared as canonical JSON)." }),
  })
  .meta({ id: "DiffStep" });

export const traceDiffSchema = z
  .strictObject({
    a: traceSummarySchema,
    b: traceSummarySchema,
    totals: deltasSchema,
    steps: z.array(diffStepSchema).meta({
      description:
        "Aligned by signature (the kind with the tool name, agent name, or LLM operation without the model), level by level down the tree, in tree pre-order.",
    }),
  })
  .meta({ id: "TraceDiff" });

export const findingsPointSchema = z
  .strictObject({
    bucketStart: isoTime.meta({ description: "Start of the UTC-aligned bucket; a trace's findings fall in the bucket of its start." }),
    group: z.string().meta({ description: "A finding type, failure mode, task (trace name), outermost agent or tool." }),
    traces: z.int().meta({ description: "Traces with such findings in the bucket." }),
    occurrences: z.int(),
    wastedMs: z.number(),
    wastedCostUsd: z.number().nullable().meta({ description: "Null when none of the point's wasted calls could be priced." }),
  })
  .meta({ id: "FindingsPoint" });

export const findingsSeriesSchema = z.strictObject({ data: z.array(findingsPointSchema) }).meta({ id: "FindingsSeries" });
