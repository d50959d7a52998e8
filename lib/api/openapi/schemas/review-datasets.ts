// Response schemas of review queues and datasets. tests/unit/lib/api/openapi/schema-types.test.ts holds
// them equal to lib/quality/review-types.ts and dataset-types.ts.
import { z } from "zod";
import { anyJson, isoTime, jsonObject } from "./common";

const traceId = z.string().regex(/^[0-9a-f]{32}$/);

export const reviewQueueSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    filter: z.record(z.string(), z.string()).meta({ description: "The trace-list filters the runs were drawn from." }),
    sampleSize: z.int(),
    scoreName: z.string().meta({ description: "The score each review writes, with source `review`." }),
    labels: z.array(z.string()).nullable().meta({ description: "What reviewers choose from; null for a numeric range." }),
    range: z
      .tuple([z.number(), z.number()])
      .meta({ minItems: 2, maxItems: 2 })
      .nullable()
      .meta({ description: "[min, max] of the values reviewers give; null for labels." }),
    seed: z.string().meta({ description: "The same seed over the same traces draws the same runs in the same order." }),
    total: z.int().meta({ description: "Runs drawn: sampleSize, or fewer when the filter matched fewer." }),
    done: z.int().meta({ description: "Runs reviewed." }),
    skipped: z.int(),
    byLabel: z.record(z.string(), z.int()).meta({ description: "Reviewed runs per label." }),
    meanValue: z.number().nullable().meta({ description: "Mean of the values given (range queues)." }),
    createdAt: isoTime,
    createdBy: z.string().nullable(),
  })
  .meta({ id: "ReviewQueue" });

export const reviewAgreementSchema = z
  .strictObject({
    source: z.enum(["api", "otel", "evaluator"]),
    compared: z.int().meta({ description: "Reviewed runs that also carry a score of this source with the queue's score name." }),
    agreed: z.int().meta({ description: "Of those, the runs where the review and the source's latest score agree." }),
    rate: z.number().meta({ description: "agreed / compared." }),
  })
  .meta({ id: "ReviewAgreement" });

const agreementList = z.array(reviewAgreementSchema).meta({
  description:
    "Per other source that scored reviewed runs: how often it agrees with the review. Two verdicts agree when both are labels and the labels are the same (trimmed, any case), else when both pass or both fail by the pass rule.",
});

export const reviewQueueDetailSchema = reviewQueueSchema.extend({ agreement: agreementList }).meta({ id: "ReviewQueueDetail" });

export const reviewQueueListSchema = z.strictObject({ data: z.array(reviewQueueSchema) }).meta({ id: "ReviewQueueList" });

export const reviewItemSchema = z
  .strictObject({
    id: z.string(),
    position: z.int().meta({ description: "0-based order in which reviewers see the runs." }),
    traceId,
    state: z.enum(["pending", "done", "skipped"]),
    label: z.string().nullable(),
    value: z.number().nullable(),
    failureMode: z.string().nullable(),
    comment: z.string().nullable(),
    scoreId: z.string().nullable().meta({ description: "The score the review wrote (null while pending or skipped)." }),
    reviewer: z.string().nullable(),
    reviewedAt: isoTime.nullable(),
  })
  .meta({ id: "ReviewItem" });

export const reviewNextSchema = z.strictObject({ itemId: z.string(), traceId, position: z.int() }).meta({ id: "ReviewNext" });

export const reviewResultsSchema = z
  .strictObject({
    queue: reviewQueueSchema,
    agreement: agreementList,
    failureModes: z
      .array(z.strictObject({ failureMode: z.string(), count: z.int() }))
      .meta({ description: "Failure modes reviewers tagged, most tagged first." }),
    items: z.array(reviewItemSchema),
  })
  .meta({ id: "ReviewResults" });

export const datasetSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    itemCount: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: "Dataset" });

export const datasetListSchema = z.strictObject({ data: z.array(datasetSchema) }).meta({ id: "DatasetList" });

export const datasetItemSchema = z
  .strictObject({
    id: z.string(),
    datasetId: z.string(),
    input: anyJson.meta({ description: "Any JSON value: what the task is given." }),
    expectedOutput: anyJson.meta({ description: "Any JSON value; null when there is none." }),
    metadata: jsonObject.nullable(),
    sourceTraceId: traceId.nullable().meta({ description: "The run the item was taken from." }),
    sourceSpanId: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: "DatasetItem" });

export const datasetItemListSchema = z.strictObject({ data: z.array(datasetItemSchema) }).meta({ id: "DatasetItemList" });

export const datasetImportSchema = z.strictObject({ datasetId: z.string(), imported: z.int() }).meta({ id: "DatasetImport" });

export const importErrorSchema = z
  .strictObject({
    error: z.string(),
    parameter: z.string().optional(),
    lines: z
      .array(z.strictObject({ line: z.int().meta({ description: "1-based line number." }), message: z.string() }))
      .optional()
      .meta({ description: "The bad lines (the first 20)." }),
    errorCount: z.int().optional().meta({ description: "How many lines were bad." }),
  })
  .meta({ id: "ImportError", description: "A refused import: nothing was stored." });
