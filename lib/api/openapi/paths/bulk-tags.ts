// Tags of many traces at once (the trace list's bulk actions) and tag counts over time.
import { z } from "zod";
import { bulkTagsSchema } from "@/lib/retro/collab/bulk-tag-schemas";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { tagMetricsQuery } from "../params";
import { isoTime } from "../schemas/common";

const bulkTagsResultSchema = z.strictObject({
  data: z
    .array(z.strictObject({ traceId: z.string(), tags: z.array(z.string()).meta({ description: "The trace's tags now, in the order they were added." }) }))
    .meta({ description: "Each trace of the request, in the order given (duplicates once)." }),
});

const tagSeriesSchema = z.strictObject({
  data: z
    .array(
      z.strictObject({
        bucketStart: isoTime,
        tag: z.string(),
        traces: z.int().meta({ description: "Traces that started in the bucket and carry the tag." }),
      }),
    )
    .meta({ description: "Ordered by bucket, then tag; buckets where no trace carries the tag are left out." }),
});

export const bulkTagOperations: ApiOperation[] = [
  operation({
    method: "post",
    path: "/api/v1/traces/tags",
    tags: ["Collaboration"],
    summary: "Tag several traces at once",
    description:
      "Adds the tags in `add` to every trace of `traceIds` (1–500) and removes those in `remove`, all or nothing: an unknown trace (404) or a trace that would carry more than 50 tags (400) changes nothing. Tags a trace already carries keep their original time. Tags follow the rules of `PUT /api/v1/traces/{traceId}/tags`.",
    access: "write",
    request: { body: { required: true, content: jsonContent(bulkTagsSchema.meta({ id: "BulkTagsChange" })) } },
    responses: {
      200: { description: "The traces' tags now.", content: jsonContent(bulkTagsResultSchema) },
      400: errorAnswer("Invalid JSON or a bad field; `parameter` names the field."),
      404: errorAnswer("The project holds no such trace (`parameter`: `traceIds`)."),
      413: errorAnswer("Body over 64 KiB."),
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/metrics/tags",
    tags: ["Analytics"],
    summary: "Tag counts per bucket",
    description:
      "How many traces carry each of the most used tags, per bucket of the traces' start time (a run tagged later counts in the bucket it ran in). Buckets are aligned to UTC; `from` is inclusive, `to` exclusive, and the whole buckets overlapping the range count.",
    access: "read",
    request: { query: tagMetricsQuery },
    responses: {
      200: { description: "The points.", content: jsonContent(tagSeriesSchema) },
      400: errorAnswer("A bad or unknown parameter; `parameter` names it."),
    },
  }),
];
