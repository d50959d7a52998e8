// What the governance views need from a span's attributes, read once at normalisation (where the
// attributes are parsed anyway) and carried on the span record, so the store never re-parses attribute
// JSON: an approval's decision, action, approver and policy; a tool call's declared effect and MCP server;
// an LLM call's requested model, response model and system fingerprint (model changes). Pure.
import type { Kind } from "@/lib/trace/types";
import { firstString } from "./attribute-lookup";
import type { OtlpAttributes } from "./otlp-types";

export const APPROVAL_DECISIONS = ["approved", "rejected", "timed_out", "escalated"] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
export const TOOL_EFFECTS = ["read", "write"] as const;
export type ToolEffect = (typeof TOOL_EFFECTS)[number];

export const APPROVAL_DECISION_KEY = "hindsight.approval.decision";

export type ApprovalFacts = {
  /** One of APPROVAL_DECISIONS, or the sender's own word (counted as a request, in no decision column). */
  decision: string;
  action: string | null;
  approver: string | null;
  policy: string | null;
};
export type ToolFacts = { effect: ToolEffect | null; mcpServer: string | null };
export type LlmFacts = { requestedModel: string; responseModel: string; fingerprint: string | null };

export type GovernanceFacts = { approval?: ApprovalFacts; tool?: ToolFacts; llm?: LlmFacts };

const REQUESTED_MODEL = ["gen_ai.request.model", "ai.model.id", "llm.request.model_name"];
const RESPONSE_MODEL = ["gen_ai.response.model", "ai.response.model", "llm.response.model_name"];
const FINGERPRINT = ["gen_ai.openai.response.system_fingerprint", "openai.response.system_fingerprint"];
const MAX_TEXT = 500;

const clip = (value: string | null) => (value === null ? null : value.slice(0, MAX_TEXT));

/** A span is an approval when it carries a decision, whatever else it says it is. */
export function isApprovalSpan(attrs: OtlpAttributes): boolean {
  const decision = attrs[APPROVAL_DECISION_KEY];
  return typeof decision === "string" && decision.trim() !== "";
}

/**
 * The MCP server a tool span talked to, by the conventions' order: `server.address[:port]`, else the
 * server name the client was configured with, else (a server-side span) the serving process's name.
 * Null for a span that is not an MCP call.
 */
export function mcpServerOf(attrs: OtlpAttributes, spanKind: number, serviceName: string | null): string | null {
  const isMcp = typeof attrs["mcp.method.name"] === "string" || attrs["gen_ai.tool.type"] === "mcp";
  if (!isMcp) return null;
  const address = firstString(attrs, ["server.address"]);
  if (address) {
    const port = firstString(attrs, ["server.port"]);
    return clip(port ? `${address}:${port}` : address);
  }
  const configured = firstString(attrs, ["mcp.server.name"]);
  if (configured) return clip(configured);
  const SERVER = 2;
  return spanKind === SERVER ? clip(serviceName) : null;
}

function effectOf(attrs: OtlpAttributes): ToolEffect | null {
  const raw = attrs["hindsight.tool.effect"];
  if (typeof raw !== "string") return null;
  const effect = raw.trim().toLowerCase();
  return (TOOL_EFFECTS as readonly string[]).includes(effect) ? (effect as ToolEffect) : null;
}

/** The facts of one normalised span; undefined when it has none (most spans). */
export function readGovernanceFacts(attrs: OtlpAttributes, kind: Kind, spanKind: number, serviceName: string | null): GovernanceFacts | undefined {
  if (kind === "approval") {
    return {
      approval: {
        decision: clip((attrs[APPROVAL_DECISION_KEY] as string).trim().toLowerCase())!,
        action: clip(firstString(attrs, ["hindsight.approval.action"])),
        approver: clip(firstString(attrs, ["hindsight.approval.approver"])),
        policy: clip(firstString(attrs, ["hindsight.approval.policy"])),
      },
    };
  }
  if (kind === "tool") return { tool: { effect: effectOf(attrs), mcpServer: mcpServerOf(attrs, spanKind, serviceName) } };
  if (kind === "llm") {
    const requestedModel = firstString(attrs, REQUESTED_MODEL);
    const responseModel = firstString(attrs, RESPONSE_MODEL);
    // Without both, a change of the answering model cannot be told from a change of the request.
    if (!requestedModel || !responseModel) return undefined;
    return { llm: { requestedModel: clip(requestedModel)!, responseModel: clip(responseModel)!, fingerprint: clip(firstString(attrs, FINGERPRINT)) } };
  }
  return undefined;
}
