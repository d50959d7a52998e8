// The governance API: approval metrics, the tool-call audit and its CSV export, model changes, and the
// project's write tools.
import { z } from "zod";
import { writeToolsSchema } from "@/lib/trace/write-tools-schema";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { approvalListQuery, approvalQuery, modelChangeQuery, pathParams, toolCallQuery } from "../params";
import { approvalRequestPageSchema, approvalSeriesSchema, modelChangeListSchema, toolCallPageSchema, writeToolsAnswerSchema } from "../schemas/governance";

const badParameter = errorAnswer("A bad or unknown parameter; `parameter` names it.");
const noProject = errorAnswer("No such project, or not the caller's (a key reaches only its own project).");

export const governanceOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/metrics/approvals",
    tags: ["Governance"],
    summary: "Approval requests, decisions and human wait per bucket and group",
    description:
      "Approvals are spans carrying `hindsight.approval.decision` (`approved`, `rejected`, `timed_out`, `escalated`); their duration is the wait for a human. From rollups kept at ingest: counts are exact per bucket, waits within 1 %. Buckets are aligned to UTC; `from` is inclusive, `to` exclusive.",
    access: "read",
    request: { query: approvalQuery },
    responses: { 200: { description: "Points ordered by bucket, then group.", content: jsonContent(approvalSeriesSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/approvals",
    tags: ["Governance"],
    summary: "The approval requests",
    description:
      "Every human approval of the project (action, decision, approver, policy, agent, task, end user, wait), newest first, filtered and cursor-paginated. Unknown parameters are refused.",
    access: "read",
    request: { query: approvalListQuery },
    responses: { 200: { description: "A page of approval requests.", content: jsonContent(approvalRequestPageSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/tool-calls",
    tags: ["Governance"],
    summary: "The tool-call audit",
    description:
      "Every tool call of the project (tool, MCP server, agent, end user, effect, status, arguments), newest first, filtered and cursor-paginated. Unknown parameters are refused.",
    access: "read",
    request: { query: toolCallQuery },
    responses: { 200: { description: "A page of tool calls.", content: jsonContent(toolCallPageSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/tool-calls/export",
    tags: ["Governance"],
    summary: "The tool-call audit as CSV",
    description:
      "Every call matching the same filters (`limit` is ignored; `cursor` starts after a page), newest first, streamed as RFC 4180 CSV with a header row: time, traceId, spanId, toolName, mcpServer, agentName, userId, effect, status, durationMs, runApproved, arguments (JSON). Cells that a spreadsheet would run as a formula are prefixed with a quote.",
    access: "read",
    request: { query: toolCallQuery },
    responses: {
      200: { description: "The CSV file (`Content-Disposition: attachment`).", content: { "text/csv": { schema: z.string() } } },
      400: badParameter,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/model-changes",
    tags: ["Governance"],
    summary: "Changes of the model behind a task",
    description:
      "A change is recorded when a task and requested model get a response model (or `gen_ai.openai.response.system_fingerprint`) not seen for them before; requesting another model is not a change. From first sightings kept at ingest, whatever order traces arrived in. Oldest first.",
    access: "read",
    request: { query: modelChangeQuery },
    responses: { 200: { description: "The changes in the range.", content: jsonContent(modelChangeListSchema) }, 400: badParameter },
  }),
  operation({
    method: "get",
    path: "/api/v1/projects/{slug}/write-tools",
    tags: ["Governance"],
    summary: "Read the project's write tools",
    access: "read",
    request: { params: pathParams.slug },
    responses: { 200: { description: "The list.", content: jsonContent(writeToolsAnswerSchema) }, 404: noProject },
  }),
  operation({
    method: "put",
    path: "/api/v1/projects/{slug}/write-tools",
    tags: ["Governance"],
    summary: "Replace the project's write tools",
    description:
      "Calls of these tools count as writes in the audit unless their span declares `hindsight.tool.effect`; the list applies to past calls too. Written to the audit log.",
    access: "admin",
    request: { params: pathParams.slug, body: { required: true, content: jsonContent(writeToolsSchema) } },
    responses: {
      200: { description: "The list saved (duplicates removed, sorted).", content: jsonContent(writeToolsAnswerSchema) },
      400: errorAnswer("Not a list of names, an empty or too long name, or more than 500; `parameter` names the field."),
      404: noProject,
      413: errorAnswer("Body over 64 KiB."),
    },
  }),
];
