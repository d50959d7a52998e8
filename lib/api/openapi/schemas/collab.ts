// Response schemas of retro collaboration: comments, tags, share links and exports.
import { z } from "zod";
import { isoTime } from "./common";
import { findingSchema } from "./findings";
import { traceDetailSchema, traceSummarySchema } from "./traces";

const authorSchema = z.strictObject({
  id: z.string().meta({ description: "The user's id (or the API key's id for comments written by a script)." }),
  name: z.string().meta({ description: "The name shown for the author when the comment was written." }),
});

const commentFields = {
  id: z.string(),
  traceId: z.string(),
  spanId: z.string().nullable().meta({ description: "The span the comment is about; null for a comment on the whole trace." }),
  author: authorSchema,
  body: z.string().meta({ description: "Markdown, rendered without raw HTML." }),
  createdAt: isoTime,
  updatedAt: isoTime,
};

export const commentSchema = z.strictObject(commentFields).meta({ id: "Comment" });

export const commentListSchema = z.strictObject({
  data: z.array(
    z
      .strictObject({
        ...commentFields,
        canEdit: z.boolean().meta({ description: "Whether the caller may edit it (its author)." }),
        canDelete: z.boolean().meta({ description: "Whether the caller may delete it (its author or a project admin)." }),
      })
      .meta({ id: "CommentView" }),
  ),
});

export const mentionListSchema = z.strictObject({ data: z.array(commentSchema) });

export const tagsSchema = z.strictObject({ tags: z.array(z.string()).meta({ description: "In the order they were added." }) });

export const tagVocabularySchema = z.strictObject({
  data: z
    .array(z.strictObject({ tag: z.string(), traces: z.int().meta({ description: "Traces carrying the tag." }) }))
    .meta({ description: "Most used first." }),
});

export const shareCreatedSchema = z
  .strictObject({
    id: z.string().meta({ description: "The link's id (revoke it with this or with the token)." }),
    token: z.string().meta({ description: "Shown once; only its hash is stored." }),
    url: z.string().meta({ description: "The page that opens the trace without signing in." }),
    expiresAt: isoTime,
    hideContent: z.boolean(),
  })
  .meta({ id: "ShareLinkCreated" });

export const shareListSchema = z.strictObject({
  data: z.array(
    z.strictObject({ id: z.string(), traceId: z.string(), hideContent: z.boolean(), createdBy: z.string(), createdAt: isoTime, expiresAt: isoTime }),
  ),
});

export const sharedTraceSchema = traceDetailSchema.extend({ share: z.strictObject({ expiresAt: isoTime, hideContent: z.boolean() }) }).meta({
  id: "SharedTrace",
  description: "The read API's trace detail; with `hideContent`, inputs, outputs, status messages and attribute values read `[hidden]`.",
});

export const traceExportJsonSchema = traceDetailSchema
  .extend({ tags: z.array(z.string()), comments: z.array(commentSchema) })
  .meta({ id: "TraceExport", description: "`format=json`: the trace detail with its tags and comments." });

export const otlpExportSchema = z
  .object({ resourceSpans: z.array(z.object({}).passthrough()) })
  .passthrough()
  .meta({ id: "OtlpTraceExport", description: "`format=otlp-json`: an OTLP/JSON ExportTraceServiceRequest." });

const severitySchema = z.enum(["sev1", "sev2", "sev3", "sev4"]);
const retroStatusSchema = z.enum(["open", "closed"]);

export const retroListSchema = z.strictObject({
  data: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      severity: severitySchema,
      status: retroStatusSchema,
      traceCount: z.int(),
      createdBy: z.string(),
      createdAt: isoTime,
    }),
  ),
});

export const retroSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    severity: severitySchema,
    status: retroStatusSchema,
    summary: z.string().meta({ description: "Markdown." }),
    alertIncidentId: z.string().nullable(),
    incident: z
      .strictObject({ id: z.string(), ruleName: z.string(), startedAt: isoTime, endedAt: isoTime.nullable() })
      .nullable()
      .meta({ description: "The alert incident the retro was made from (its rule's name and times); null when none." }),
    traces: z.array(traceSummarySchema).meta({ description: "In the order they were added." }),
    findings: z.array(findingSchema).meta({ description: "Findings of the retro's traces, trace by trace." }),
    comments: z.array(commentSchema).meta({ description: "Comments on the retro's traces, oldest first." }),
    timeline: z.array(
      z.strictObject({
        time: isoTime,
        kind: z.enum(["alert_fired", "first_failure", "comment", "alert_resolved", "retro_closed"]),
        text: z.string(),
        traceId: z.string().optional(),
      }),
    ),
    createdBy: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: "Retro" });
