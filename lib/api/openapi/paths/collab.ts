// Retro collaboration: comments, tags, share links and exports.
import { z } from "zod";
import { editCommentSchema, mentionsQuerySchema, newCommentSchema, putTagsSchema } from "@/lib/retro/collab/comment-schemas";
import { listExportFormat, traceExportFormat } from "@/lib/retro/collab/export-params";
import { newRetroSchema, retroPatchSchema } from "@/lib/retro/collab/retro-schemas";
import { newShareSchema } from "@/lib/retro/collab/share-schemas";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { pathParams, traceListQuery } from "../params";
import {
  commentListSchema,
  commentSchema,
  mentionListSchema,
  otlpExportSchema,
  retroListSchema,
  retroSchema,
  shareCreatedSchema,
  sharedTraceSchema,
  shareListSchema,
  tagsSchema,
  tagVocabularySchema,
  traceExportJsonSchema,
} from "../schemas/collab";

const badBody = errorAnswer("Invalid JSON or a bad field; `parameter` names the field (`body` for the body as a whole).");
const badParameter = errorAnswer("A bad or unknown parameter; `parameter` names it.");
const tooLarge = errorAnswer("Body over 64 KiB.");
const noTrace = errorAnswer("The project holds no such trace.");
const jsonBody = (schema: Parameters<typeof jsonContent>[0]) => ({ required: true, content: jsonContent(schema) });
const noContent = { description: "Done; no body." };
const commentId = z.object({ id: z.string().meta({ description: "The comment's id." }) });
const shareToken = z.object({ token: z.string().meta({ description: "The link's token (or, to revoke, its id)." }) });
const TAGS = ["Collaboration"];
const retroId = z.object({ id: z.string().meta({ description: "The retro's id." }) });
const noRetro = errorAnswer("No such retro in this project.");

export const collabOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/traces/{traceId}/comments",
    tags: TAGS,
    summary: "List a trace's comments",
    description: "The thread of the trace, oldest first: comments on the trace and on each of its spans.",
    access: "read",
    request: { params: pathParams.traceId },
    responses: { 200: { description: "The comments.", content: jsonContent(commentListSchema) }, 400: badParameter, 404: noTrace },
  }),
  operation({
    method: "post",
    path: "/api/v1/traces/{traceId}/comments",
    tags: TAGS,
    summary: "Comment on a trace or one of its spans",
    description: "`body` is Markdown of at most 10,000 characters; raw HTML in it is shown as text and `javascript:` links are dropped when rendered.",
    access: "write",
    request: { params: pathParams.traceId, body: jsonBody(newCommentSchema.meta({ id: "CommentCreate" })) },
    responses: {
      201: { description: "The comment.", content: jsonContent(commentSchema) },
      400: badBody,
      404: errorAnswer("No such trace, or no such span in it."),
      413: tooLarge,
    },
  }),
  operation({
    method: "patch",
    path: "/api/v1/comments/{id}",
    tags: TAGS,
    summary: "Edit a comment",
    description: "Only its author may edit a comment.",
    access: "write",
    request: { params: commentId, body: jsonBody(editCommentSchema.meta({ id: "CommentChange" })) },
    responses: {
      200: { description: "The comment.", content: jsonContent(commentSchema) },
      400: badBody,
      404: errorAnswer("No such comment in this project."),
      413: tooLarge,
    },
  }),
  operation({
    method: "delete",
    path: "/api/v1/comments/{id}",
    tags: TAGS,
    summary: "Delete a comment",
    description: "Its author or a project admin may delete a comment.",
    access: "write",
    request: { params: commentId },
    responses: { 204: noContent, 404: errorAnswer("No such comment in this project.") },
  }),
  operation({
    method: "get",
    path: "/api/v1/comments/mentions",
    tags: TAGS,
    summary: "Comments that mention a member",
    description:
      "The project's latest 100 comments that mention the member, newest first. A mention is written in the body as `[@Name](mention:<userId>)` (the dashboard suggests members after `@`). Without `userId`: the signed-in caller's mentions; an API key must name the member.",
    access: "read",
    request: { query: mentionsQuerySchema },
    responses: { 200: { description: "The comments.", content: jsonContent(mentionListSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/{traceId}/tags",
    tags: TAGS,
    summary: "Get a trace's tags",
    access: "read",
    request: { params: pathParams.traceId },
    responses: { 200: { description: "The tags.", content: jsonContent(tagsSchema) }, 400: badParameter, 404: noTrace },
  }),
  operation({
    method: "put",
    path: "/api/v1/traces/{traceId}/tags",
    tags: TAGS,
    summary: "Set a trace's tags",
    description:
      "Replaces the trace's tags (at most 50, each 1–64 characters after trimming, no control characters; duplicates are dropped). Filter the trace list with `tag=`.",
    access: "write",
    request: { params: pathParams.traceId, body: jsonBody(putTagsSchema.meta({ id: "TagsChange" })) },
    responses: { 200: { description: "The trace's tags now.", content: jsonContent(tagsSchema) }, 400: badBody, 404: noTrace, 413: tooLarge },
  }),
  operation({
    method: "get",
    path: "/api/v1/tags",
    tags: TAGS,
    summary: "The project's tag vocabulary",
    description: "Every tag in use in the project with the number of traces carrying it (the 200 most used).",
    access: "read",
    responses: { 200: { description: "The tags.", content: jsonContent(tagVocabularySchema) } },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/{traceId}/share",
    tags: TAGS,
    summary: "List a trace's live share links",
    description: "Links that have neither expired nor been revoked; their tokens are not shown again.",
    access: "read",
    request: { params: pathParams.traceId },
    responses: { 200: { description: "The links, newest first.", content: jsonContent(shareListSchema) }, 400: badParameter, 404: noTrace },
  }),
  operation({
    method: "post",
    path: "/api/v1/traces/{traceId}/share",
    tags: TAGS,
    summary: "Share a trace with a link",
    description:
      "A read-only link to this one trace that opens without signing in, until it expires (1–720 hours) or is revoked. With `hideContent`, inputs, outputs, status messages and attribute values are withheld. Recorded in the audit log.",
    access: "write",
    request: { params: pathParams.traceId, body: jsonBody(newShareSchema.meta({ id: "ShareLinkCreate" })) },
    responses: {
      201: { description: "The link; the token is shown once.", content: jsonContent(shareCreatedSchema) },
      400: badBody,
      404: noTrace,
      413: tooLarge,
    },
  }),
  operation({
    method: "delete",
    path: "/api/v1/share/{token}",
    tags: TAGS,
    summary: "Revoke a share link",
    description: "By its token or its id. The link answers 404 from then on. Recorded in the audit log.",
    access: "write",
    request: { params: shareToken },
    responses: { 204: noContent, 404: errorAnswer("No live link with this token or id in this project.") },
  }),
  operation({
    method: "get",
    path: "/api/share/{token}",
    tags: TAGS,
    summary: "Read a shared trace",
    description: "The one trace a share link opens, without credentials (the page `/share/{token}` shows it).",
    access: "public",
    request: { params: shareToken },
    responses: { 200: { description: "The shared trace.", content: jsonContent(sharedTraceSchema) }, 404: errorAnswer("Unknown, revoked or expired token.") },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/{traceId}/export",
    tags: TAGS,
    summary: "Export one trace",
    description:
      "A download. `otlp-json`: an OTLP/JSON ExportTraceServiceRequest (nanosecond times, attributes, events, links, resources and scopes as received) that `/v1/traces` of any project or any OpenTelemetry backend takes back. `json` (default): the trace with its spans, tags and comments.",
    access: "read",
    request: {
      params: pathParams.traceId,
      query: z.object({ format: traceExportFormat.optional().meta({ description: "`json` (default) or `otlp-json`." }) }),
    },
    responses: {
      200: { description: "The export.", content: jsonContent(z.union([traceExportJsonSchema, otlpExportSchema])) },
      400: badParameter,
      404: noTrace,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/traces/export",
    tags: TAGS,
    summary: "Export the filtered trace list",
    description:
      "Every trace the list filters match (no `limit` or `cursor`), streamed page by page in constant memory. `jsonl` (default): one `{ trace, spans, tags }` per line. `csv`: one trace summary per row, with models and tags space-separated.",
    access: "read",
    request: {
      query: traceListQuery
        .omit({ limit: true, cursor: true })
        .extend({ format: listExportFormat.optional().meta({ description: "`jsonl` (default) or `csv`." }) }),
    },
    responses: {
      200: {
        description: "The export.",
        content: { "application/x-ndjson": { schema: z.string() }, "text/csv": { schema: z.string() } },
      },
      400: badParameter,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/retros",
    tags: TAGS,
    summary: "List retros",
    description: "The project's retros, newest first (the 200 newest).",
    access: "read",
    responses: { 200: { description: "The retros.", content: jsonContent(retroListSchema) } },
  }),
  operation({
    method: "post",
    path: "/api/v1/retros",
    tags: TAGS,
    summary: "Create a retro",
    description: "From selected traces and/or an alert incident, whose example traces are added after the selected ones.",
    access: "write",
    request: { body: jsonBody(newRetroSchema.meta({ id: "RetroCreate" })) },
    responses: {
      201: { description: "The retro.", content: jsonContent(retroSchema) },
      400: badBody,
      404: errorAnswer("A trace or the alert incident is not in this project; `parameter` names which."),
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/retros/{id}",
    tags: TAGS,
    summary: "Get a retro",
    description: "The retro with its traces' summaries, their comments and a timeline (alert fired, first failing run, comments, resolution).",
    access: "read",
    request: { params: retroId },
    responses: { 200: { description: "The retro.", content: jsonContent(retroSchema) }, 404: noRetro },
  }),
  operation({
    method: "patch",
    path: "/api/v1/retros/{id}",
    tags: TAGS,
    summary: "Change a retro",
    description: "Title, severity, summary, status (`closed` records when), and traces added or removed.",
    access: "write",
    request: { params: retroId, body: jsonBody(retroPatchSchema.meta({ id: "RetroChange" })) },
    responses: {
      200: { description: "The retro.", content: jsonContent(retroSchema) },
      400: badBody,
      404: errorAnswer("No such retro, or an added trace is not in this project."),
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/retros/{id}/export.md",
    tags: TAGS,
    summary: "Export a retro as Markdown",
    description:
      "Title, severity and status, summary, timeline, each trace with its link, cost, failure mode and findings, and the comments; text from spans is escaped.",
    access: "read",
    request: { params: retroId },
    responses: { 200: { description: "The Markdown document.", content: { "text/markdown": { schema: z.string() } } }, 404: noRetro },
  }),
];
