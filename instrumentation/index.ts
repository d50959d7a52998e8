/**
 * Hindsight SDK: OpenTelemetry setup plus GenAI-convention helpers for agent
 * chains. Self-contained (imports nothing from the app) so it can ship as a package.
 */
export { registerHindsight } from "./register";
export type { HindsightHandle, HindsightOptions } from "./register";
export { DEFAULT_ENDPOINT, buildTracesUrl, parseOtlpHeaders, resolveHindsightConfig } from "./resolve-config";
export type { ConfigOptions, Env, ResolvedConfig } from "./resolve-config";
export { checkHindsightConnection } from "./check-connection";
export type { ConnectionCheck } from "./check-connection";
export type { ExportStats } from "./export-stats";

export { traceAgent } from "./trace-agent";
export type { AgentOptions, AgentSpan } from "./trace-agent";
export { traceLlmCall } from "./trace-llm-call";
export type { LlmOperation, LlmRequest, LlmResponse, TokenUsage } from "./trace-llm-call";
export { traceTool } from "./trace-tool";
export type { ToolOptions, ToolType } from "./trace-tool";
export { traceMcpTool } from "./trace-mcp-tool";
export type { McpServer, McpToolOptions, McpToolSpan } from "./trace-mcp-tool";
export type { Clock, HindsightSpan, SpanTiming } from "./run-in-span";

export { createSessionSpanProcessor, getSession, withSession } from "./session";
export type { Session } from "./session";

export { createTextMessage } from "./messages";
export type {
  BlobPart,
  ChatRole,
  FilePart,
  FinishReason,
  InputMessage,
  MessagePart,
  MessagesInput,
  OutputMessage,
  ReasoningPart,
  TextPart,
  ToolCallRequestPart,
  ToolCallResponsePart,
  UriPart,
} from "./messages";
