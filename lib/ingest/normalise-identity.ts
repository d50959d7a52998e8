// Model, provider, tool, agent, session and user of a span (sources in the order docs/frameworks.md lists them).
import type { Kind } from "@/lib/trace/types";
import { firstString } from "./attribute-lookup";
import type { OtlpAttributes } from "./otlp-types";

const MODEL = [
  "langfuse.observation.model.name",
  "gen_ai.response.model",
  "llm.model_name",
  "llm.response.model_name",
  "ai.response.model",
  "gen_ai.request.model",
  "llm.request.model_name",
  "ai.model.id",
  "embedding.model_name",
];
const PROVIDER = ["gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system", "ai.model.provider"];
const TOOL_CALL_ID = ["gen_ai.tool.call.id", "ai.toolCall.id", "tool_call.id", "tool.id"];
const SESSION = [
  "langfuse.session.id",
  "session.id",
  "gen_ai.conversation.id",
  "ai.telemetry.metadata.sessionId",
  "ai.settings.context.sessionId",
  "traceloop.association.properties.session_id",
  "traceloop.association.properties.sessionId",
];
const USER = [
  "langfuse.user.id",
  "user.id",
  "enduser.id",
  "ai.telemetry.metadata.userId",
  "ai.settings.context.userId",
  "traceloop.association.properties.user_id",
  "traceloop.association.properties.userId",
];

// Provider spellings to semconv's well-known values, by prefix so that Vercel's `openai.chat` and
// `openai.responses` map to `openai` while `azure.ai.openai` keeps its own name (longest prefix first).
const PROVIDER_PREFIXES: [string, string][] = [
  ["azure.ai.openai", "azure.ai.openai"],
  ["azure.ai.inference", "azure.ai.inference"],
  ["azure", "azure.ai.openai"],
  ["aws.bedrock", "aws.bedrock"],
  ["amazon-bedrock", "aws.bedrock"],
  ["bedrock", "aws.bedrock"],
  ["gcp.vertex_ai", "gcp.vertex_ai"],
  ["google.vertex", "gcp.vertex_ai"],
  ["vertex", "gcp.vertex_ai"],
  ["gcp.gemini", "gcp.gemini"],
  ["gcp.gen_ai", "gcp.gen_ai"],
  ["google", "gcp.gemini"],
  ["gemini", "gcp.gemini"],
  ["openai", "openai"],
  ["anthropic", "anthropic"],
  ["mistral", "mistral_ai"],
  ["x_ai", "x_ai"],
  ["xai", "x_ai"],
  ["deepseek", "deepseek"],
  ["groq", "groq"],
  ["cohere", "cohere"],
  ["perplexity", "perplexity"],
  ["ibm.watsonx.ai", "ibm.watsonx.ai"],
  ["watsonx", "ibm.watsonx.ai"],
  ["ollama", "ollama"],
  ["meta", "meta"],
];

/** Lower-cased, well-known provider name. */
export function normaliseProvider(raw: string | null): string | null {
  if (!raw) return null;
  const lower = raw.trim().toLowerCase();
  for (const [prefix, name] of PROVIDER_PREFIXES) if (lower.startsWith(prefix)) return name;
  return lower;
}

/** Last word of a GenAI span name such as `execute_tool lookup` or `invoke_agent planner`. */
function nameAfterOperation(spanName: string, operation: string): string | null {
  return spanName.startsWith(`${operation} `) ? spanName.slice(operation.length + 1).trim() || null : null;
}

export type Identity = {
  model: string | null;
  provider: string | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  sessionId: string | null;
  userId: string | null;
};

/** Reads who and what a span is about; tool and agent names fall back to the span name for their kinds. */
export function readIdentity(attrs: OtlpAttributes, kind: Kind, spanName: string): Identity {
  const entityName = firstString(attrs, ["traceloop.entity.name"]);
  let toolName = firstString(attrs, ["gen_ai.tool.name", "tool.name", "ai.toolCall.name"]);
  if (!toolName && kind === "tool") toolName = entityName ?? nameAfterOperation(spanName, "execute_tool") ?? spanName;
  let agentName = firstString(attrs, ["gen_ai.agent.name", "agent.name"]);
  if (!agentName && kind === "agent") agentName = entityName ?? nameAfterOperation(spanName, "invoke_agent") ?? spanName;
  agentName ??= firstString(attrs, ["ai.telemetry.functionId"]);
  return {
    model: firstString(attrs, MODEL),
    provider: normaliseProvider(firstString(attrs, PROVIDER)),
    toolName,
    toolCallId: firstString(attrs, TOOL_CALL_ID),
    agentName,
    sessionId: firstString(attrs, SESSION),
    userId: firstString(attrs, USER),
  };
}
