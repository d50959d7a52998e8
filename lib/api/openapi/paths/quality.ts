// Quality: scores and score metrics.
import { scoreCreateSchema } from "@/lib/quality/score-input";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { scoreListQuery, scoreMetricsQuery } from "../params";
import { scorePageSchema, scoreSchema, scoreSeriesSchema } from "../schemas/quality";

const badParameter = errorAnswer("A bad or unknown parameter; `parameter` names it.");

export const scoreOperations: ApiOperation[] = [
  operation({
    method: "post",
    path: "/api/v1/scores",
    tags: ["Quality"],
    summary: "Score a trace or span",
    description:
      "Records one score with source `api`, authored by the caller. `value` (a finite number) or `label` is required, or both. A trace or span the project does not hold is refused with 400 naming `traceId` or `spanId`; nothing is stored then. Scores are placed in time at their trace's start for the metrics.",
    access: "write",
    request: {
      body: {
        required: true,
        content: jsonContent(
          scoreCreateSchema.meta({
            id: "ScoreCreate",
            description: "`traceId` (32 hex), optional `spanId` (16 hex), `name`, `value` and/or `label`, optional `comment`.",
          }),
        ),
      },
    },
    responses: {
      201: { description: "The score as stored.", content: jsonContent(scoreSchema) },
      400: errorAnswer("Invalid JSON, a bad field, or a trace or span the project does not hold; `parameter` names the field."),
      413: errorAnswer("Body over 64 KiB."),
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/scores",
    tags: ["Quality"],
    summary: "List scores",
    description: "The project's scores, newest first, filtered and cursor-paginated. Unknown parameters are refused.",
    access: "read",
    request: { query: scoreListQuery },
    responses: { 200: { description: "A page of scores.", content: jsonContent(scorePageSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/metrics/scores",
    tags: ["Analytics"],
    summary: "Score count, mean and pass rate per bucket and group",
    description:
      "From score rollups kept when scores are written, never a scan of scores. A score falls in the bucket of its trace's start (an OpenTelemetry evaluation event: in the bucket of its own time). Buckets are aligned to UTC; `from` is inclusive, `to` exclusive.",
    access: "read",
    request: { query: scoreMetricsQuery },
    responses: { 200: { description: "Points ordered by bucket, then group.", content: jsonContent(scoreSeriesSchema) }, 400: badParameter },
  }),
];
