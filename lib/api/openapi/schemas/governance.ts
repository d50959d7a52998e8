// Response schemas of the governance API: approval metrics, the tool-call audit, model changes and the
// project's write tools. tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to their types.
import { z } from "zod";
import { anyJson, isoTime } from "./common";

const hex = (chars: number) => z.string().regex(new RegExp(`^[0-9a-f]{${chars}}$`));
const count = (description: string) => z.int().meta({ description });

export const approvalPointSchema = z
  .strictObject({
    bucketStart: isoTime.meta({ description: "Start of the UTC-aligned bucket; an approval falls in the bucket of its start." }),
    group: z.string().meta({ description: "The action, agent or approver." }),
    requests: count("Approvals asked for."),
    approved: count("Decided `approved`."),
    rejected: count("Decided `rejected`."),
    timedOut: count("Decided `timed_out`."),
    escalated: count("Decided `escalated`."),
    p50WaitMs: z.number().meta({ description: "Median human wait (the approval span's duration), within 1 %." }),
    p95WaitMs: z.number().meta({ description: "95th percentile of the wait, within 1 %." }),
  })
  .meta({ id: "ApprovalPoint", description: "Approvals of one group in one bucket. Counts are exact." });
export const approvalSeriesSchema = z.strictObject({ data: z.array(approvalPointSchema) }).meta({ id: "ApprovalSeries" });

export const toolCallSchema = z
  .strictObject({
    traceId: hex(32),
    spanId: hex(16),
    time: isoTime.meta({ description: "When the call started." }),
    toolName: z.string(),
    mcpServer: z.string().nullable().meta({ description: "The MCP server it went to; null for a tool that is not MCP." }),
    agentName: z.string().nullable().meta({ description: "The nearest agent at or above the call." }),
    userId: z.string().nullable().meta({ description: "The run's end user." }),
    effect: z
      .enum(["read", "write"])
      .nullable()
      .meta({ description: "Declared on the span (`hindsight.tool.effect`), else `write` for the project's write tools, else null." }),
    status: z.enum(["ok", "error", "unset"]),
    durationMs: z.number(),
    runApproved: z.boolean().meta({ description: "Whether the same run (trace) holds an approval decided `approved`." }),
    arguments: anyJson.meta({ description: "The arguments, parsed JSON (or text); null when not captured." }),
  })
  .meta({ id: "ToolCall", description: "One tool call of the audit." });
export const toolCallPageSchema = z
  .strictObject({
    data: z.array(toolCallSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "ToolCallPage" });

export const approvalRequestSchema = z
  .strictObject({
    traceId: hex(32),
    spanId: hex(16),
    time: isoTime.meta({ description: "When the approval was asked for (the approval span's start)." }),
    action: z.string().nullable().meta({ description: "What was to be approved (`hindsight.approval.action`)." }),
    decision: z.string().meta({ description: "`approved`, `rejected`, `timed_out`, `escalated`, or what the sender wrote." }),
    approver: z.string().nullable().meta({ description: "Who decided (`hindsight.approval.approver`)." }),
    policy: z.string().nullable().meta({ description: "The policy that asked for it (`hindsight.approval.policy`)." }),
    agentName: z.string().nullable().meta({ description: "The nearest agent above the approval." }),
    task: z.string().meta({ description: "The trace name." }),
    userId: z.string().nullable().meta({ description: "The run's end user." }),
    waitMs: z.number().meta({ description: "The human wait: the approval span's duration." }),
  })
  .meta({ id: "ApprovalRequest", description: "One human approval request and its decision." });
export const approvalRequestPageSchema = z
  .strictObject({
    data: z.array(approvalRequestSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "ApprovalRequestPage" });

export const modelChangeSchema = z
  .strictObject({
    time: isoTime.meta({ description: "When the new response was first seen." }),
    task: z.string().meta({ description: "The trace name." }),
    requestedModel: z.string(),
    before: z.string().meta({ description: "The response first seen before (model, with the system fingerprint in parentheses when sent)." }),
    after: z.string().meta({ description: "The new response." }),
    firstTraceId: hex(32).meta({ description: "The first trace that got it." }),
  })
  .meta({ id: "ModelChange", description: "The response model or system fingerprint behind one task and requested model changed." });
export const modelChangeListSchema = z.strictObject({ data: z.array(modelChangeSchema) }).meta({ id: "ModelChangeList" });

export const writeToolsAnswerSchema = z
  .strictObject({ tools: z.array(z.string()).meta({ description: "Tool names, sorted." }) })
  .meta({ id: "WriteTools", description: "The project's write tools." });
