// The read and analytics API: traces, one trace, latency and cost metrics, drift.
import { DEFAULT_TOP } from "@/lib/analytics/metrics-params";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { costQuery, driftQuery, latencyQuery, pathParams, traceListQuery } from "../params";
import { costSeriesSchema, driftAnswerSchema, latencySeriesSchema } from "../schemas/analytics";
import { traceDetailSchema, tracePageSchema } from "../schemas/traces";

const badParameter = errorAnswer("A bad or unknown parameter; `parameter` names it.");
const metricsNote =
  "From rollups kept at ingest, never a scan of spans. Buckets are aligned to UTC; `from` is inclusive, `to` exclusive. Large answers are streamed.";

export const readOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/traces",
    tags: ["Traces"],
    summary: "List traces",
    description:
      "Trace summaries of the project, newest first (or as `sort` and `order` say), filtered and cursor-paginated. Unknown parameters are refused. Score filters: `score.<name>.min`, `score.<name>.max` (a score of that name with a value in range) and `score.<name>.label` (with that label), e.g. `score.accuracy.min=0.8`.",
    access: "read",
    request: { query: traceListQuery },
    responses: { 200: { description: "A page of traces.", content: jsonContent(tracePageSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/{traceId}",
    tags: ["Traces"],
    summary: "Get a trace with its spans",
    description: "One trace of the project with every span, in start order.",
    access: "read",
    request: { params: pathParams.traceId },
    responses: {
      200: { description: "The trace and its spans.", content: jsonContent(traceDetailSchema) },
      400: errorAnswer("`traceId` is not 32 hexadecimal characters."),
      404: errorAnswer("The project holds no such trace."),
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/metrics/latency",
    tags: ["Analytics"],
    summary: "Latency percentiles per bucket and group",
    description: `p50, p95, p99 and maximum duration per time bucket and group. ${metricsNote}`,
    access: "read",
    request: { query: latencyQuery },
    responses: { 200: { description: "Points ordered by bucket, then group.", content: jsonContent(latencySeriesSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/metrics/cost",
    tags: ["Analytics"],
    summary: "Traces, cost and tokens per bucket and group",
    description: `${metricsNote} Costs are rounded to 1e-10 USD; unpriced calls add nothing. At most \`top\` groups (default ${DEFAULT_TOP}) come one by one; the others of each bucket are summed into one \`(other)\` point, so the points of a bucket always add up to all of its traces, cost and tokens.`,
    access: "read",
    request: { query: costQuery },
    responses: { 200: { description: "Points ordered by bucket, then group.", content: jsonContent(costSeriesSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/drift",
    tags: ["Analytics"],
    summary: "Cost and latency drift per task or agent",
    description:
      "Per task or agent: the window's cost per run, p95 latency and error rate against the previous period and the trailing 7 days, change points of cost per run and p95, and what changed (model mix, tokens per call, tool calls and retries per run) before and after.",
    access: "read",
    request: { query: driftQuery },
    responses: { 200: { description: "The drift report.", content: jsonContent(driftAnswerSchema) }, 400: badParameter },
  }),
];
