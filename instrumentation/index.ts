/**
 * Hindsight SDK (`@hindsight/sdk`): OpenTelemetry setup plus GenAI-convention
 * helpers for agent pipelines. The package's only entry point: everything
 * public is exported here by name.
 */
export { registerHindsight } from "./register.js";
export type { HindsightHandle, HindsightOptions } from "./register.js";
export { DEFAULT_ENDPOINT, buildTracesUrl, parseOtlpHeaders, resolveHindsightConfig } from "./resolve-config.js";
export type { ConfigOptions, Env, ResolvedConfig } from "./resolve-config.js";
export { checkHindsightConnection } from "./check-connection.js";
export type { ConnectionCheck } from "./check-connection.js";
export type { ExportStats } from "./export-stats.js";

export { traceAgent } from "./trace-agent.js";
export type { AgentOptions, AgentSpan } from "./trace-agent.js";
export { traceLlmCall } from "./trace-llm-call.js";
export type { LlmOperation, LlmRequest, LlmResponse, TokenUsage } from "./trace-llm-call.js";
export { traceTool } from "./trace-tool.js";
export type { ToolEffect, ToolOptions, ToolType } from "./trace-tool.js";
export { traceApproval, APPROVAL_DECISIONS, isApprovalDecision } from "./trace-approval.js";
export type { ApprovalDecision, ApprovalOptions, ApprovalOutcome, ApprovalResult, ApprovalSpan } from "./trace-approval.js";

export { traceMcpTool } from "./trace-mcp-tool.js";
export type { McpNetworkTransport, McpServer, McpToolOptions, McpToolSpan } from "./trace-mcp-tool.js";
export { instrumentMcpClient } from "./instrument-mcp-client.js";
export type { McpCallToolParams, McpClientLike, McpClientOptions, McpTransportLike } from "./instrument-mcp-client.js";
export { traceMcpToolHandler } from "./trace-mcp-tool-handler.js";
export type { McpRequestExtraLike, McpToolHandlerOptions } from "./trace-mcp-tool-handler.js";
export type { Clock, HindsightSpan, SpanTiming } from "./run-in-span.js";

export { createSessionSpanProcessor, getSession, withSession } from "./session.js";
export type { Session } from "./session.js";

export { createTextMessage } from "./messages.js";
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
} from "./messages.js";

export { runExperiment } from "./run-experiment.js";
export type { ExperimentItem, ExperimentOptions, ExperimentResult, ExperimentRunResult, TaskContext } from "./run-experiment.js";
export { contains, exactMatch, maxDurationMs, noError, regex } from "./experiment-evaluators.js";
export type { EvaluationRun, EvaluationScore, EvaluatorAnswer, ExperimentEvaluator } from "./experiment-evaluators.js";
export type { ScoreSummary } from "./experiment-summary.js";
