// Vercel AI SDK (`ai` 4–6 with experimental_telemetry; scope `ai`). Its spans are read by the generic rules
// (the `ai.*` attributes are one of the conventions). The one thing they never show is a tool approval
// (`needsApproval`): the call that asks for one ends the run without a tool span, and the run that carries the
// user's decision sends it only inside its prompt, as a `tool-approval-response` part answering the assistant's
// `tool-approval-request`. A denied call is never executed, so without a record of its own it would vanish.
// Each decision in the trailing tool message of an `ai.generateText`/`ai.streamText` prompt therefore becomes a
// record: an instant `approval` span under that run (the wait is not sent, so 0), named `tool approval <tool>`,
// with the tool name, call id and arguments, `hindsight.approval.decision` (`approved`/`rejected`),
// `hindsight.approval.action` (the tool) and the reason. Its id is derived from the trace and the approval id, so a re-sent run stores it once.
import { createHash } from "node:crypto";
import type { SpanRecord } from "../span-record";
import type { Dialect, DialectSpan } from "./dialect";
import { isObject, jsonOf, textOf, type Obj } from "./read";
import { approvalHint } from "@/lib/analytics/graph/graph-roles";

type Decision = { approvalId: string; approved: boolean; reason: string | null; toolCallId: string | null; toolName: string | null; input: unknown };

const partsOf = (message: unknown): Obj[] => (isObject(message) && Array.isArray(message.content) ? message.content.filter(isObject) : []);

/** The approval decisions the run's prompt ends with, each joined to the tool call it answers. */
export function approvalDecisions(prompt: unknown): Decision[] {
  const messages: unknown[] = isObject(prompt) && Array.isArray(prompt.messages) ? prompt.messages : [];
  const last = messages.at(-1);
  if (!isObject(last) || last.role !== "tool") return [];
  const parts = messages.flatMap(partsOf);
  const requests = new Map(parts.filter((p) => p.type === "tool-approval-request").map((p) => [p.approvalId, p.toolCallId]));
  const calls = new Map(parts.filter((p) => p.type === "tool-call").map((p) => [p.toolCallId, p]));
  return partsOf(last)
    .filter((p) => p.type === "tool-approval-response" && typeof p.approvalId === "string")
    .map((p) => {
      const toolCallId = requests.get(p.approvalId);
      const call = calls.get(toolCallId);
      return {
        approvalId: p.approvalId as string,
        approved: p.approved === true,
        reason: typeof p.reason === "string" ? p.reason : null,
        toolCallId: typeof toolCallId === "string" ? toolCallId : null,
        toolName: typeof call?.toolName === "string" ? call.toolName : null,
        input: call?.input ?? call?.args,
      };
    });
}

function approvalRecord(run: SpanRecord, decision: Decision): SpanRecord {
  const spanId = createHash("sha1").update(`${run.traceId}:tool-approval:${decision.approvalId}`).digest("hex").slice(0, 16);
  const verdict = decision.approved ? "approved" : "rejected";
  const tool = decision.toolName ?? "tool";
  const attributes = {
    "hindsight.approval.decision": verdict,
    "hindsight.approval.action": tool,
    ...(decision.reason ? { "hindsight.approval.reason": decision.reason } : {}),
    "hindsight.approval.id": decision.approvalId,
    "hindsight.derived_from": "ai.prompt tool-approval-response",
    ...(decision.toolCallId ? { "gen_ai.tool.call.id": decision.toolCallId } : {}),
  };
  return {
    ...run,
    spanId,
    parentSpanId: run.spanId,
    name: `tool approval ${tool}`,
    kind: "approval",
    spanKind: 1,
    endNs: run.startNs,
    durationMs: 0,
    status: "unset",
    statusMessage: decision.approved ? null : `Denied${decision.reason ? `: ${decision.reason}` : ""}`,
    model: null,
    provider: null,
    inputTokens: null,
    outputTokens: null,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    reasoningTokens: null,
    costUsd: null,
    costSource: null,
    toolName: decision.toolName,
    toolCallId: decision.toolCallId,
    input: decision.input === undefined ? null : JSON.stringify(decision.input),
    output: JSON.stringify({ decision: verdict, ...(decision.reason ? { reason: decision.reason } : {}) }),
    attributes: JSON.stringify(attributes),
    events: "[]",
    links: null,
    governance: { approval: { decision: verdict, action: tool, approver: null, policy: null } },
    mcpServer: null,
    graphHint: approvalHint(tool),
  };
}

const isRun = ({ attrs }: DialectSpan) => /^ai\.(generateText|streamText)$/.test(textOf(attrs, "ai.operationId") ?? "");

export const VERCEL_AI: Dialect = {
  id: "vercel-ai",
  matches: ({ scope }) => scope.name === "ai",
  derive: (span, record) => (isRun(span) ? approvalDecisions(jsonOf(span.attrs, "ai.prompt")).map((d) => approvalRecord(record, d)) : []),
};
