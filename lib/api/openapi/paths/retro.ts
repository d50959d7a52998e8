// Retro analysis: findings over time, a trace's critical path, and two runs compared step by step.
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { diffQuery, findingsQuery, pathParams } from "../params";
import { criticalPathSchema, findingsSeriesSchema, traceDiffSchema } from "../schemas/retro";

const badParameter = errorAnswer("A bad or unknown parameter; `parameter` names it.");

export const retroOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/metrics/findings",
    tags: ["Analytics"],
    summary: "Findings and what they wasted per bucket and group",
    description:
      "Traces with findings, occurrences, wasted time and wasted cost per time bucket and group, from rollups the findings job keeps exact as traces are re-analysed. Buckets are aligned to UTC; a trace's findings fall in the bucket of its start; `from` is inclusive, `to` exclusive.",
    access: "read",
    request: { query: findingsQuery },
    responses: { 200: { description: "Points ordered by bucket, then group.", content: jsonContent(findingsSeriesSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/{traceId}/critical-path",
    tags: ["Traces"],
    summary: "The critical path of a trace",
    description: "The chain of spans that determined when the trace ended, each span's own time on it, and that time by kind of span.",
    access: "read",
    request: { params: pathParams.traceId },
    responses: {
      200: { description: "The critical path.", content: jsonContent(criticalPathSchema) },
      400: errorAnswer("`traceId` is not 32 hexadecimal characters."),
      404: errorAnswer("The project holds no such trace."),
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/diff",
    tags: ["Traces"],
    summary: "Compare two runs step by step",
    description:
      "Run b against run a: steps aligned by what they are (not by span id), each `same`, `changed` (model, input, output, arguments or status), `added` or `removed`, with per-step and total differences (b − a). `b=baseline` compares with the most similar successful run of a's task in the 7 days before a, by step sequence.",
    access: "read",
    request: { query: diffQuery },
    responses: {
      200: { description: "The two runs and their aligned steps.", content: jsonContent(traceDiffSchema) },
      400: badParameter,
      404: errorAnswer("A run is not in the project, or `b=baseline` found no successful run of the task to compare with; `parameter` says which."),
    },
  }),
];
