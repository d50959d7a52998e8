// Experiments: registered by the SDK's runExperiment, compared item by item.
import { z } from "zod";
import { EXPERIMENT_COMPARE_PARAMS, EXPERIMENT_LIST_PARAMS, experimentCreateSchema, experimentRunsSchema } from "@/lib/quality/experiment-schema";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { experimentComparisonSchema, experimentDetailSchema, experimentListSchema, experimentSchema } from "../schemas/experiments";

const badBody = errorAnswer("Invalid JSON or a bad field; `parameter` names the field (`body` for the body as a whole).");
const badParameter = errorAnswer("A bad, missing or unknown parameter; `parameter` names it.");
const tooLarge = errorAnswer("Body over 64 KiB.");
const jsonBody = (schema: Parameters<typeof jsonContent>[0]) => ({ required: true, content: jsonContent(schema) });
const experimentParams = z.object({ id: z.string().meta({ description: "The experiment's id." }) });
const noExperiment = errorAnswer("The project holds no such experiment.");

export const experimentOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/experiments",
    tags: ["Experiments"],
    summary: "List experiments",
    description: "The project's experiments (of one dataset), newest first, with how many items they ran.",
    access: "read",
    request: { query: z.object({ datasetId: EXPERIMENT_LIST_PARAMS.datasetId.optional().meta({ description: "Only this dataset's experiments." }) }) },
    responses: { 200: { description: "The experiments.", content: jsonContent(experimentListSchema) }, 400: badParameter },
  }),
  operation({
    method: "post",
    path: "/api/v1/experiments",
    tags: ["Experiments"],
    summary: "Register an experiment",
    description: "The SDK's `runExperiment` registers the experiment over a dataset before it runs the items (each run's root span carries the id).",
    access: "write",
    request: { body: jsonBody(experimentCreateSchema) },
    responses: {
      201: { description: "The experiment.", content: jsonContent(experimentSchema) },
      400: badBody,
      404: errorAnswer("The project holds no such dataset."),
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/experiments/{id}",
    tags: ["Experiments"],
    summary: "Get an experiment",
    description: "The experiment with the trace of each item's run.",
    access: "read",
    request: { params: experimentParams },
    responses: { 200: { description: "The experiment.", content: jsonContent(experimentDetailSchema) }, 404: noExperiment },
  }),
  operation({
    method: "post",
    path: "/api/v1/experiments/{id}/runs",
    tags: ["Experiments"],
    summary: "Record the runs of an experiment",
    description:
      "The trace of each item's run (at most 500 per request); a run posted again for an item replaces it. Every item must be the experiment's dataset's.",
    access: "write",
    request: { params: experimentParams, body: jsonBody(experimentRunsSchema) },
    responses: {
      201: { description: "The experiment with its counts.", content: jsonContent(experimentSchema) },
      400: badBody,
      404: noExperiment,
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/experiments/compare",
    tags: ["Experiments"],
    summary: "Compare two experiments",
    description:
      "Two experiments over one dataset, item by item: each run's status, cost, duration, output (from its root span) and the latest score of each name on its trace, and a summary of b against a. For a score both runs carry, a pass where there was a fail improves it (the reverse regresses it); with the same verdict, a higher value improves it. An item improved when a score improved and none regressed.",
    access: "read",
    request: {
      query: z.object({
        a: EXPERIMENT_COMPARE_PARAMS.a.meta({ description: "The experiment compared against (the baseline)." }),
        b: EXPERIMENT_COMPARE_PARAMS.b.meta({ description: "The experiment compared." }),
      }),
    },
    responses: {
      200: { description: "The comparison.", content: jsonContent(experimentComparisonSchema) },
      400: errorAnswer("A missing or unknown parameter, or experiments of different datasets."),
      404: errorAnswer("The project holds no such experiment (`parameter` says which)."),
    },
  }),
];
