// Review queues and datasets.
import { z } from "zod";
import { DATASET_ITEMS_PARAMS, datasetCreateSchema, datasetItemCreateSchema, datasetItemPatchSchema } from "@/lib/quality/dataset-schema";
import { reviewQueueCreateSchema, reviewSubmitSchema } from "@/lib/quality/review-schema";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { deletedSchema } from "../schemas/common";
import {
  datasetImportSchema,
  datasetItemListSchema,
  datasetItemSchema,
  datasetListSchema,
  datasetSchema,
  importErrorSchema,
  reviewItemSchema,
  reviewNextSchema,
  reviewQueueDetailSchema,
  reviewQueueListSchema,
  reviewQueueSchema,
  reviewResultsSchema,
} from "../schemas/review-datasets";

const badBody = errorAnswer("Invalid JSON or a bad field; `parameter` names the field (`body` for the body as a whole).");
const tooLarge = errorAnswer("Body over 64 KiB.");
const jsonBody = (schema: Parameters<typeof jsonContent>[0]) => ({ required: true, content: jsonContent(schema) });
const id = (what: string) => z.string().meta({ description: `The ${what}'s id.` });
const queueParams = z.object({ id: id("review queue") });
const datasetParams = z.object({ id: id("dataset") });
const noQueue = errorAnswer("The project holds no such review queue.");
const noDataset = errorAnswer("The project holds no such dataset.");

export const reviewOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/review-queues",
    tags: ["Review queues"],
    summary: "List review queues",
    description: "The project's review queues with their progress, newest first.",
    access: "read",
    responses: { 200: { description: "The queues.", content: jsonContent(reviewQueueListSchema) } },
  }),
  operation({
    method: "post",
    path: "/api/v1/review-queues",
    tags: ["Review queues"],
    summary: "Draw a review queue",
    description:
      "Draws `sampleSize` runs from the traces the filter matches: each candidate is ranked by sha256(seed:traceId) and the lowest are kept, in that order, so the same seed over the same traces draws the same runs, and each run appears once. Fewer runs are drawn when the filter matches fewer.",
    access: "write",
    request: { body: jsonBody(reviewQueueCreateSchema) },
    responses: { 201: { description: "The queue.", content: jsonContent(reviewQueueSchema) }, 400: badBody, 413: tooLarge },
  }),
  operation({
    method: "get",
    path: "/api/v1/review-queues/{id}",
    tags: ["Review queues"],
    summary: "Get a review queue",
    description:
      "The queue with its progress (runs reviewed, skipped, and reviews per label) and its agreement with the other sources (api, otel, evaluator) that scored the reviewed runs under the queue's score name.",
    access: "read",
    request: { params: queueParams },
    responses: { 200: { description: "The queue.", content: jsonContent(reviewQueueDetailSchema) }, 404: noQueue },
  }),
  operation({
    method: "get",
    path: "/api/v1/review-queues/{id}/next",
    tags: ["Review queues"],
    summary: "The next run to review",
    description: "The first run still waiting for a review, in the queue's order; 204 when every run is reviewed or skipped.",
    access: "read",
    request: { params: queueParams },
    responses: {
      200: { description: "The next run.", content: jsonContent(reviewNextSchema) },
      204: { description: "Nothing is left to review." },
      404: noQueue,
    },
  }),
  operation({
    method: "post",
    path: "/api/v1/review-queues/{id}/items/{itemId}",
    tags: ["Review queues"],
    summary: "Review a run",
    description:
      "A label of the queue's set or a value in its range, with an optional failure-mode tag and comment, writes a score with source `review` (the queue's `scoreName`) on the run's trace; `skip: true` writes none and leaves the run open to a later review. A run reviewed already keeps its review (409).",
    access: "write",
    request: { params: z.object({ id: id("review queue"), itemId: id("item") }), body: jsonBody(reviewSubmitSchema) },
    responses: {
      200: { description: "The item as reviewed.", content: jsonContent(reviewItemSchema) },
      400: errorAnswer("A bad field, a label outside the queue's set or a value outside its range; nothing is stored."),
      404: errorAnswer("The project holds no such queue, or the queue no such item."),
      409: errorAnswer("The run was reviewed already, or its trace is no longer stored."),
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/review-queues/{id}/results",
    tags: ["Review queues"],
    summary: "A review queue's results",
    description:
      "Every run of the queue in review order with its review (label or value, failure mode, comment, reviewer), the failure modes reviewers tagged, most tagged first, and the reviews' agreement with the other sources (api, otel, evaluator) that scored the reviewed runs under the queue's score name, as the queue itself shows it.",
    access: "read",
    request: { params: queueParams },
    responses: { 200: { description: "The results.", content: jsonContent(reviewResultsSchema) }, 404: noQueue },
  }),
];

export const datasetOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/datasets",
    tags: ["Datasets"],
    summary: "List datasets",
    description: "The project's datasets with their item counts, newest first.",
    access: "read",
    responses: { 200: { description: "The datasets.", content: jsonContent(datasetListSchema) } },
  }),
  operation({
    method: "post",
    path: "/api/v1/datasets",
    tags: ["Datasets"],
    summary: "Create a dataset",
    access: "write",
    request: { body: jsonBody(datasetCreateSchema) },
    responses: {
      201: { description: "The dataset.", content: jsonContent(datasetSchema) },
      400: badBody,
      409: errorAnswer("The project has a dataset of that name."),
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/datasets/{id}",
    tags: ["Datasets"],
    summary: "Get a dataset",
    access: "read",
    request: { params: datasetParams },
    responses: { 200: { description: "The dataset.", content: jsonContent(datasetSchema) }, 404: noDataset },
  }),
  operation({
    method: "get",
    path: "/api/v1/datasets/{id}/items",
    tags: ["Datasets"],
    summary: "Export a dataset's items",
    description: "Every item in order: `format=json` (default) answers `{ data }`; `format=jsonl` one item per line, as a download the import reads back.",
    access: "read",
    request: {
      params: datasetParams,
      query: z.object({ format: DATASET_ITEMS_PARAMS.format.optional().meta({ description: "`json` (default) or `jsonl`." }) }),
    },
    responses: {
      200: {
        description: "The items.",
        content: {
          ...jsonContent(datasetItemListSchema),
          "application/jsonl": { schema: { type: "string", description: "One DatasetItem as JSON per line." } },
        },
      },
      400: errorAnswer("A bad or unknown parameter; `parameter` names it."),
      404: noDataset,
    },
  }),
  operation({
    method: "post",
    path: "/api/v1/datasets/{id}/items",
    tags: ["Datasets"],
    summary: "Add an item",
    description:
      "By hand (`input`, optionally `expectedOutput` and `metadata`), or from a run: `traceId` takes its root span, `traceId` + `spanId` that span; the span's input becomes the item's input and its actual output the expected output (edit it afterwards), unless given.",
    access: "write",
    request: { params: datasetParams, body: jsonBody(datasetItemCreateSchema) },
    responses: {
      201: { description: "The item.", content: jsonContent(datasetItemSchema) },
      400: badBody,
      404: errorAnswer("The project holds no such dataset, trace or span."),
      413: tooLarge,
    },
  }),
  operation({
    method: "patch",
    path: "/api/v1/datasets/{id}/items/{itemId}",
    tags: ["Datasets"],
    summary: "Change an item",
    access: "write",
    request: { params: z.object({ id: id("dataset"), itemId: id("item") }), body: jsonBody(datasetItemPatchSchema) },
    responses: {
      200: { description: "The item as changed.", content: jsonContent(datasetItemSchema) },
      400: badBody,
      404: errorAnswer("The project holds no such dataset item."),
      413: tooLarge,
    },
  }),
  operation({
    method: "delete",
    path: "/api/v1/datasets/{id}/items/{itemId}",
    tags: ["Datasets"],
    summary: "Delete an item",
    access: "write",
    request: { params: z.object({ id: id("dataset"), itemId: id("item") }) },
    responses: { 200: { description: "Deleted.", content: jsonContent(deletedSchema) }, 404: errorAnswer("The project holds no such dataset item.") },
  }),
  operation({
    method: "post",
    path: "/api/v1/datasets/{id}/import",
    tags: ["Datasets"],
    summary: "Import items from JSONL",
    description:
      "One JSON object per line (`input` required; `expectedOutput`, `metadata`, `sourceTraceId`, `sourceSpanId` optional; an exported line imports as it is), blank lines ignored, at most 10,000 lines and 4 MiB. All or nothing: any bad line refuses the file, and the answer lists the bad lines.",
    access: "write",
    request: {
      params: datasetParams,
      body: { required: true, content: { "application/jsonl": { schema: { type: "string", description: "JSON Lines." } } } },
    },
    responses: {
      201: { description: "How many items were added.", content: jsonContent(datasetImportSchema) },
      400: { description: "Bad lines (nothing was stored), or an empty body.", content: jsonContent(importErrorSchema) },
      404: noDataset,
      413: errorAnswer("Body over 4 MiB."),
    },
  }),
];
