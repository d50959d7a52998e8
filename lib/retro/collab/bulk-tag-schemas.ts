// The body of POST /api/v1/traces/tags: tags added to (and removed from) a selection of traces at once,
// as the trace list's bulk actions send it (read by the OpenAPI document too).
import { z } from "zod";
import { tagText } from "./comment-schemas";
import { MAX_TAGS_PER_TRACE } from "./limits";

/** A selection is at most a few pages of the trace list. */
export const MAX_BULK_TRACES = 500;

const traceId = z
  .string({ message: "must be a trace id" })
  .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
  .transform((v) => v.toLowerCase());

const tagList = z.array(tagText, { message: "must be an array of strings" }).max(MAX_TAGS_PER_TRACE, `at most ${MAX_TAGS_PER_TRACE} tags`);

export const bulkTagsSchema = z
  .object({
    traceIds: z
      .array(traceId, { message: "must be an array of trace ids" })
      .min(1, "must name at least one trace")
      .max(MAX_BULK_TRACES, `at most ${MAX_BULK_TRACES} traces`),
    add: tagList.default([]),
    remove: tagList.default([]),
  })
  .strict()
  .refine((body) => body.add.length + body.remove.length > 0, { message: "give tags to add or to remove", path: ["add"] });

export type BulkTagChange = { traceIds: string[]; add: string[]; remove: string[] };

/** The change to apply: each list without duplicates, and a tag both added and removed only added. */
export function normaliseBulkTags(body: BulkTagChange): BulkTagChange {
  const add = [...new Set(body.add)];
  return { traceIds: [...new Set(body.traceIds)], add, remove: [...new Set(body.remove)].filter((tag) => !add.includes(tag)) };
}

/**
 * The traces that would carry more than the allowed number of tags after the change, given each trace's
 * current tags: the change is refused as a whole rather than applied to some of the selection.
 */
export function tracesOverTagLimit(current: ReadonlyMap<string, readonly string[]>, change: BulkTagChange): string[] {
  return change.traceIds.filter((traceId) => {
    const tags = new Set(current.get(traceId) ?? []);
    for (const tag of change.remove) tags.delete(tag);
    for (const tag of change.add) tags.add(tag);
    return tags.size > MAX_TAGS_PER_TRACE;
  });
}
