// Failure classification as data: which signal on a failed span means which failure mode. The classifier
// (classify-failure.ts) reads the sources in SIGNAL_SOURCE_ORDER and, within a source, the rows below in
// order; the first row that matches decides. A source whose value matches no row passes to the next one,
// so a generic `error.type = "Error"` falls through to the exception's message.
//
// Sources:
//   approval.decision  `hindsight.approval.decision` (Hindsight's own signal: explicit, so it goes first)
//   error.type         OTel `error.type`
//   exception.type     `exception.type` of the span's first `exception` event
//   exception.message  `exception.message` of that event
//   status.message     the span's status message
//   http.status        `http.response.status_code`, `http.status_code`, or a numeric `error.type`
//   finish_reason      `gen_ai.response.finish_reasons` and the other finish-reason attributes
// `equals` compares case-insensitively, and for type sources also against the last segment of a dotted
// name (`openai.RateLimitError`, `botocore.errorfactory.ThrottlingException`). `kinds`/`notKinds` limit a row
// to spans of those kinds: an HTTP 500 from a tool is the tool's error, not the LLM provider's. `failsSpan`
// rows make a span count as failed even when its status is not an error (a rejected approval, a response
// blocked by a content filter).
import type { FailureMode, RetroKind } from "@/lib/retro/types";

export type SignalSource = "approval.decision" | "error.type" | "exception.type" | "exception.message" | "status.message" | "http.status" | "finish_reason";

export type SignalProvider =
  | "hindsight"
  | "openai"
  | "azure-openai"
  | "anthropic"
  | "google"
  | "bedrock"
  | "langgraph"
  | "langchain"
  | "openai-agents"
  | "vercel-ai"
  | "litellm"
  | "runtime";

export type FailureSignal = {
  id: string;
  provider: SignalProvider;
  source: SignalSource;
  equals?: readonly (string | number)[];
  pattern?: RegExp;
  kinds?: readonly RetroKind[];
  notKinds?: readonly RetroKind[];
  failsSpan?: boolean;
  mode: FailureMode;
};

export const SIGNAL_SOURCE_ORDER: readonly SignalSource[] = [
  "approval.decision",
  "error.type",
  "exception.type",
  "exception.message",
  "status.message",
  "http.status",
  "finish_reason",
];

export const FINISH_REASON_ATTRIBUTES = [
  "gen_ai.response.finish_reasons",
  "ai.response.finishReason",
  "gen_ai.completion.0.finish_reason",
  "llm.finish_reason",
];
export const HTTP_STATUS_ATTRIBUTES = ["http.response.status_code", "http.status_code"];

/** When no row matches: the mode by the failed span's kind, else `unknown_error`. */
export const FALLBACK_BY_KIND: Partial<Record<RetroKind, FailureMode>> = { tool: "tool_error", guardrail: "guardrail_blocked" };

const LLM: readonly RetroKind[] = ["llm", "embedding"];
const NOT_TOOL: readonly RetroKind[] = ["tool"];

// Type-like values shared by error.type and exception.type (instrumentations put the exception class in either).
const TYPE_ROWS: readonly Omit<FailureSignal, "source" | "id">[] = [
  // Cancellation and generic timeouts first: they are unambiguous names.
  { provider: "runtime", equals: ["AbortError", "CancelledError", "KeyboardInterrupt", "APIUserAbortError"], mode: "cancelled" },
  { provider: "openai", equals: ["APITimeoutError", "APIConnectionTimeoutError"], mode: "provider_timeout" },
  { provider: "runtime", equals: ["timeout", "TimeoutError", "ReadTimeout", "ReadTimeoutError", "ETIMEDOUT"], kinds: LLM, mode: "provider_timeout" },
  { provider: "runtime", equals: ["timeout", "TimeoutError", "ReadTimeout", "ReadTimeoutError", "ETIMEDOUT"], mode: "timeout" },
  // OpenAI (and Azure OpenAI) SDK classes and API error codes.
  { provider: "openai", equals: ["RateLimitError", "rate_limit_exceeded"], mode: "provider_rate_limit" },
  { provider: "openai", equals: ["insufficient_quota"], mode: "budget_exceeded" },
  { provider: "openai", equals: ["context_length_exceeded"], mode: "context_length_exceeded" },
  { provider: "openai", equals: ["content_filter", "content_policy_violation", "ContentFilterFinishReasonError"], mode: "content_filter" },
  { provider: "openai", equals: ["LengthFinishReasonError"], mode: "invalid_output" },
  { provider: "openai", equals: ["AuthenticationError", "PermissionDeniedError", "invalid_api_key"], mode: "provider_auth_error" },
  { provider: "openai", equals: ["InternalServerError", "APIConnectionError", "server_error"], mode: "provider_server_error" },
  // Anthropic error types (also the Python SDK's class names above).
  { provider: "anthropic", equals: ["rate_limit_error"], mode: "provider_rate_limit" },
  { provider: "anthropic", equals: ["overloaded_error", "OverloadedError", "api_error"], mode: "provider_server_error" },
  { provider: "anthropic", equals: ["authentication_error", "permission_error"], mode: "provider_auth_error" },
  { provider: "anthropic", equals: ["billing_error"], mode: "budget_exceeded" },
  { provider: "anthropic", equals: ["request_too_large"], mode: "context_length_exceeded" },
  { provider: "anthropic", equals: ["timeout_error"], mode: "provider_timeout" },
  // Google (Gemini, Vertex AI): gRPC status names and google.api_core exception classes.
  { provider: "google", equals: ["RESOURCE_EXHAUSTED", "ResourceExhausted", "TooManyRequests"], mode: "provider_rate_limit" },
  { provider: "google", equals: ["DEADLINE_EXCEEDED", "DeadlineExceeded", "GatewayTimeout"], mode: "provider_timeout" },
  { provider: "google", equals: ["UNAVAILABLE", "ServiceUnavailable", "INTERNAL", "ServerError"], mode: "provider_server_error" },
  { provider: "google", equals: ["UNAUTHENTICATED", "PERMISSION_DENIED", "Unauthenticated", "PermissionDenied"], mode: "provider_auth_error" },
  // Amazon Bedrock (AWS SDK exception names).
  { provider: "bedrock", equals: ["ThrottlingException", "ServiceQuotaExceededException", "TooManyRequestsException"], mode: "provider_rate_limit" },
  { provider: "bedrock", equals: ["ModelTimeoutException"], mode: "provider_timeout" },
  {
    provider: "bedrock",
    equals: ["InternalServerException", "ServiceUnavailableException", "ModelNotReadyException", "ModelErrorException", "ModelStreamErrorException"],
    mode: "provider_server_error",
  },
  { provider: "bedrock", equals: ["AccessDeniedException", "UnrecognizedClientException", "ExpiredTokenException"], mode: "provider_auth_error" },
  // LangGraph and LangChain.
  { provider: "langgraph", equals: ["GraphRecursionError"], mode: "max_iterations" },
  { provider: "langchain", equals: ["OutputParserException", "ToolInputParsingException"], mode: "invalid_output" },
  { provider: "langchain", equals: ["ToolException"], mode: "tool_error" },
  // OpenAI Agents SDK (Python names, then JS names).
  { provider: "openai-agents", equals: ["MaxTurnsExceeded", "MaxTurnsExceededError"], mode: "max_iterations" },
  {
    provider: "openai-agents",
    equals: [
      "InputGuardrailTripwireTriggered",
      "OutputGuardrailTripwireTriggered",
      "ToolInputGuardrailTripwireTriggered",
      "ToolOutputGuardrailTripwireTriggered",
    ],
    mode: "guardrail_blocked",
  },
  { provider: "openai-agents", equals: ["ModelBehaviorError", "InvalidToolInputError"], mode: "invalid_output" },
  { provider: "openai-agents", equals: ["ToolCallError"], mode: "tool_error" },
  // Vercel AI SDK error names.
  {
    provider: "vercel-ai",
    equals: [
      "AI_JSONParseError",
      "AI_TypeValidationError",
      "AI_NoObjectGeneratedError",
      "AI_InvalidToolArgumentsError",
      "AI_InvalidToolInputError",
      "AI_NoSuchToolError",
    ],
    mode: "invalid_output",
  },
  { provider: "vercel-ai", equals: ["AI_ToolExecutionError"], mode: "tool_error" },
  { provider: "vercel-ai", equals: ["AI_LoadAPIKeyError"], mode: "provider_auth_error" },
  // LiteLLM proxy and SDK.
  { provider: "litellm", equals: ["BudgetExceededError"], mode: "budget_exceeded" },
  { provider: "litellm", equals: ["ContextWindowExceededError"], mode: "context_length_exceeded" },
  { provider: "litellm", equals: ["ContentPolicyViolationError"], mode: "content_filter" },
  // Parsing and schema validation of what a model produced.
  { provider: "runtime", equals: ["JSONDecodeError", "ZodError", "ValidationError", "SchemaValidationError"], mode: "invalid_output" },
];

// Messages (exception.message and status.message): provider wording and error codes embedded in SDK messages.
const MESSAGE_ROWS: readonly Omit<FailureSignal, "source" | "id">[] = [
  { provider: "runtime", pattern: /aborted due to timeout|timed out|timeout exceeded/i, kinds: LLM, mode: "provider_timeout" },
  { provider: "runtime", pattern: /aborted due to timeout|timed out|timeout exceeded/i, mode: "timeout" },
  { provider: "runtime", pattern: /\b(operation|request|run|task) was (aborted|cancell?ed)\b/i, mode: "cancelled" },
  { provider: "openai", pattern: /\binsufficient_quota\b|exceeded your current quota/i, mode: "budget_exceeded" },
  { provider: "anthropic", pattern: /credit balance is too low|enforced_spend_limit_reached|\bbilling_error\b/i, mode: "budget_exceeded" },
  { provider: "litellm", pattern: /budget (has been |was )?exceeded|exceeded (the |your )?budget|spend limit (reached|exceeded)/i, mode: "budget_exceeded" },
  { provider: "openai", pattern: /\brate_limit_exceeded\b|rate limit reached for/i, mode: "provider_rate_limit" },
  { provider: "anthropic", pattern: /\brate_limit_error\b/, mode: "provider_rate_limit" },
  { provider: "google", pattern: /\bRESOURCE_EXHAUSTED\b|resource has been exhausted/i, mode: "provider_rate_limit" },
  { provider: "bedrock", pattern: /too many requests|ThrottlingException/i, notKinds: NOT_TOOL, mode: "provider_rate_limit" },
  { provider: "openai", pattern: /\bcontext_length_exceeded\b|maximum context length|exceeds the context window/i, mode: "context_length_exceeded" },
  { provider: "anthropic", pattern: /prompt is too long|exceed context limit|\brequest_too_large\b/i, mode: "context_length_exceeded" },
  { provider: "google", pattern: /input token count.*exceeds the maximum/i, mode: "context_length_exceeded" },
  { provider: "bedrock", pattern: /input is too long|too many input tokens/i, mode: "context_length_exceeded" },
  { provider: "azure-openai", pattern: /content management policy|\bcontent_filter\b|content_policy_violation/i, mode: "content_filter" },
  { provider: "google", pattern: /blocked due to (SAFETY|RECITATION|PROHIBITED_CONTENT|BLOCKLIST|SPII|IMAGE_SAFETY|OTHER)/i, mode: "content_filter" },
  { provider: "anthropic", pattern: /\boverloaded_error\b|^overloaded$/i, mode: "provider_server_error" },
  { provider: "google", pattern: /\bDEADLINE_EXCEEDED\b/, mode: "provider_timeout" },
  { provider: "google", pattern: /\b(UNAVAILABLE|INTERNAL)\b/, notKinds: NOT_TOOL, mode: "provider_server_error" },
  { provider: "openai", pattern: /incorrect api key|invalid_api_key|\bauthentication_error\b|api key not valid/i, mode: "provider_auth_error" },
  { provider: "langgraph", pattern: /recursion limit of \d+ reached/i, mode: "max_iterations" },
  { provider: "openai-agents", pattern: /max(imum)? turns \(?\d+\)? exceeded/i, mode: "max_iterations" },
  { provider: "langchain", pattern: /stopped due to (max )?iteration limit/i, mode: "max_iterations" },
  { provider: "openai-agents", pattern: /guardrail\b.*\btriggered tripwire|tripwire triggered/i, mode: "guardrail_blocked" },
  {
    provider: "runtime",
    pattern:
      /in JSON at position|is not valid JSON|Unexpected end of JSON input|Expecting value: line \d+|failed to parse.*(json|output)|does not match (the )?(json )?schema/i,
    mode: "invalid_output",
  },
];

export const FAILURE_SIGNALS: readonly FailureSignal[] = [
  { id: "approval-rejected", provider: "hindsight", source: "approval.decision", equals: ["rejected"], failsSpan: true, mode: "approval_rejected" },
  { id: "approval-timed-out", provider: "hindsight", source: "approval.decision", equals: ["timed_out"], failsSpan: true, mode: "timeout" },
  ...TYPE_ROWS.map((row, i): FailureSignal => ({ ...row, id: `error.type#${i}`, source: "error.type" })),
  ...TYPE_ROWS.map((row, i): FailureSignal => ({ ...row, id: `exception.type#${i}`, source: "exception.type" })),
  ...MESSAGE_ROWS.map((row, i): FailureSignal => ({ ...row, id: `exception.message#${i}`, source: "exception.message" })),
  ...MESSAGE_ROWS.map((row, i): FailureSignal => ({ ...row, id: `status.message#${i}`, source: "status.message" })),
  { id: "http-429", provider: "runtime", source: "http.status", equals: [429], notKinds: NOT_TOOL, mode: "provider_rate_limit" },
  { id: "http-auth", provider: "runtime", source: "http.status", equals: [401, 403], notKinds: NOT_TOOL, mode: "provider_auth_error" },
  { id: "http-402", provider: "runtime", source: "http.status", equals: [402], notKinds: NOT_TOOL, mode: "budget_exceeded" },
  { id: "http-413", provider: "anthropic", source: "http.status", equals: [413], notKinds: NOT_TOOL, mode: "context_length_exceeded" },
  { id: "http-timeout", provider: "runtime", source: "http.status", equals: [408, 504], notKinds: NOT_TOOL, mode: "provider_timeout" },
  { id: "http-5xx", provider: "runtime", source: "http.status", equals: [500, 502, 503, 529], notKinds: NOT_TOOL, mode: "provider_server_error" },
  { id: "finish-content-filter", provider: "openai", source: "finish_reason", equals: ["content_filter"], failsSpan: true, mode: "content_filter" },
  {
    id: "finish-google-safety",
    provider: "google",
    source: "finish_reason",
    equals: ["safety", "blocklist", "prohibited_content", "spii", "recitation", "image_safety"],
    failsSpan: true,
    mode: "content_filter",
  },
  { id: "finish-anthropic-refusal", provider: "anthropic", source: "finish_reason", equals: ["refusal"], failsSpan: true, mode: "content_filter" },
  {
    id: "finish-bedrock-content-filtered",
    provider: "bedrock",
    source: "finish_reason",
    equals: ["content_filtered"],
    failsSpan: true,
    mode: "content_filter",
  },
  {
    id: "finish-bedrock-guardrail",
    provider: "bedrock",
    source: "finish_reason",
    equals: ["guardrail_intervened"],
    failsSpan: true,
    mode: "guardrail_blocked",
  },
];

/**
 * Second look once a mode is known: the same HTTP status or exception class covers causes a retro must tell
 * apart (OpenAI answers 429 `RateLimitError` both to a rate limit and to an exhausted quota). A row applies
 * when the mode found so far is `refines` and its pattern matches any text of the span (error.type, the
 * exception's type and message, the status message).
 */
export type FailureRefinement = { id: string; provider: SignalProvider; refines: FailureMode; pattern: RegExp; mode: FailureMode };

export const FAILURE_REFINEMENTS: readonly FailureRefinement[] = [
  {
    id: "quota-not-rate",
    provider: "openai",
    refines: "provider_rate_limit",
    pattern: /\binsufficient_quota\b|exceeded your current quota/i,
    mode: "budget_exceeded",
  },
  {
    id: "spend-limit-not-rate",
    provider: "anthropic",
    refines: "provider_rate_limit",
    pattern: /enforced_spend_limit_reached|spend limit/i,
    mode: "budget_exceeded",
  },
];
