// Online evaluators: rules and LLM judges run on new traces, and their backfills.
import { z } from "zod";
import { backfillSchema, evaluatorCreateSchema, evaluatorPatchSchema } from "@/lib/quality/evaluator-config";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { backfillAcceptedSchema, evaluatorListSchema, evaluatorSchema } from "../schemas/evaluators";

const badBody = errorAnswer(
  "A bad field, named in `parameter`: e.g. `rule.value` for a regular expression that does not compile or may backtrack catastrophically, or a JSON Schema Ajv cannot compile; `rule.kind` for an unknown kind; `sampleRate` outside 0–1; `judge.prompt` without {{output}}. Nothing is stored.",
);
const tooLarge = errorAnswer("Body over 64 KiB.");
const jsonBody = (schema: Parameters<typeof jsonContent>[0]) => ({ required: true, content: jsonContent(schema) });
const params = z.object({ id: z.string().meta({ description: "The evaluator's id." }) });
const noEvaluator = errorAnswer("The project holds no such evaluator.");
const tags = ["Evaluators"];

export const evaluatorOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/evaluators",
    tags,
    summary: "List evaluators",
    description: "The project's online evaluators, oldest first, each with its last failure, today's judge spend and latest backfill.",
    access: "read",
    responses: { 200: { description: "The evaluators.", content: jsonContent(evaluatorListSchema) } },
  }),
  operation({
    method: "post",
    path: "/api/v1/evaluators",
    tags,
    summary: "Create an evaluator",
    description:
      "A rule (`type: rule`, `rule: { kind, value }`) or an LLM judge (`type: llm_judge`, `judge: { model, prompt, labels? | range? }`) that runs on each new trace of the project once it has been quiet for HINDSIGHT_EVAL_SETTLE_SECONDS, on the trace or on each of its LLM or tool spans (`target`), for the traces its `filter` (trace-list filters) matches and its `sampleRate` samples. Each evaluation writes a score named `scoreName` with source `evaluator`: a rule 1 (`pass`) or 0 (`fail`) with the reason as its comment. A judge's calls are traced into the project under the service `hindsight-evaluator`, and it stops for the day once they cost `maxCostUsdPerDay`.",
    access: "write",
    request: { body: jsonBody(evaluatorCreateSchema) },
    responses: { 201: { description: "The evaluator.", content: jsonContent(evaluatorSchema) }, 400: badBody, 413: tooLarge },
  }),
  operation({
    method: "get",
    path: "/api/v1/evaluators/{id}",
    tags,
    summary: "Get an evaluator",
    description: "The evaluator with its last failure, failure count, today's judge spend and the progress of its latest backfill (`lastBackfill`).",
    access: "read",
    request: { params },
    responses: { 200: { description: "The evaluator.", content: jsonContent(evaluatorSchema) }, 404: noEvaluator },
  }),
  operation({
    method: "patch",
    path: "/api/v1/evaluators/{id}",
    tags,
    summary: "Change an evaluator",
    description: 'Any subset of the fields, validated as on creation (e.g. `{ "enabled": false }`). Traces evaluated already keep their scores.',
    access: "write",
    request: { params, body: jsonBody(evaluatorPatchSchema) },
    responses: { 200: { description: "The evaluator.", content: jsonContent(evaluatorSchema) }, 400: badBody, 404: noEvaluator, 413: tooLarge },
  }),
  operation({
    method: "delete",
    path: "/api/v1/evaluators/{id}",
    tags,
    summary: "Delete an evaluator",
    description: "Removes the evaluator, its run records and backfills; the scores it wrote stay.",
    access: "write",
    request: { params },
    responses: { 204: { description: "Deleted; no body." }, 404: noEvaluator },
  }),
  operation({
    method: "post",
    path: "/api/v1/evaluators/{id}/backfill",
    tags,
    summary: "Backfill an evaluator",
    description:
      "Runs the evaluator in the background over the traces that started in [from, to) and match its filter and sample; traces it evaluated already are not evaluated again. Follow the job as `lastBackfill` on GET /api/v1/evaluators/{id}.",
    access: "write",
    request: { params, body: jsonBody(backfillSchema) },
    responses: {
      202: { description: "Queued.", content: jsonContent(backfillAcceptedSchema) },
      400: errorAnswer("`from` or `to` is not a date-time, or `to` is not later than `from`."),
      404: noEvaluator,
      413: tooLarge,
    },
  }),
];
