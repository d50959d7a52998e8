// Deleting data: one trace, or every trace of one end user.
import { z } from "zod";
import { deletionIdSchema, deletionRequestSchema } from "@/lib/forms/deletion-forms";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { pathParams } from "../params";
import { deletionCreatedSchema, deletionStatusSchema } from "../schemas/lifecycle";

const corrected =
  "Everything attached to a trace goes with it (spans, log records, facets), and the metric rollups are corrected: its contribution is subtracted, so latency, cost and drift figures become those of a project that never held it. Written to the audit log.";

export const lifecycleOperations: ApiOperation[] = [
  operation({
    method: "delete",
    path: "/api/v1/traces/{traceId}",
    tags: ["Data lifecycle"],
    summary: "Delete a trace",
    description: `Deletes the trace at once. ${corrected} Spans of it sent afterwards start a new trace.`,
    access: "admin",
    request: { params: pathParams.traceId },
    responses: {
      204: { description: "Deleted; no body." },
      400: errorAnswer("`traceId` is not 32 hexadecimal characters."),
      404: errorAnswer("The project holds no such trace; nothing changed."),
    },
  }),
  operation({
    method: "post",
    path: "/api/v1/deletions",
    tags: ["Data lifecycle"],
    summary: "Delete every trace of one end user",
    description: `Records the request and answers at once; the traces whose \`userId\` is this user are deleted in the background, in small batches. ${corrected}`,
    access: "admin",
    request: {
      body: {
        required: true,
        content: jsonContent(deletionRequestSchema.meta({ id: "DeletionRequest", description: "`userId`: the end user, as the spans carry it (`user.id`)." })),
      },
    },
    responses: {
      202: { description: "Accepted; the id to follow it with.", content: jsonContent(deletionCreatedSchema) },
      400: errorAnswer("Invalid JSON, or `userId` missing or empty; `parameter` names the field."),
      413: errorAnswer("Body over 64 KiB."),
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/deletions/{id}",
    tags: ["Data lifecycle"],
    summary: "Follow a user deletion",
    description: "Its status and how many traces it has deleted so far.",
    access: "admin",
    request: { params: z.object({ id: deletionIdSchema.meta({ description: "The id POST /api/v1/deletions answered." }) }) },
    responses: {
      200: { description: "The deletion.", content: jsonContent(deletionStatusSchema) },
      400: errorAnswer("`id` is not a deletion id."),
      404: errorAnswer("The project holds no such deletion."),
    },
  }),
];
