// One case per provider signal of the failure table. Type-like signals are checked both as `error.type` and
// as the exception's type, messages both as the exception's message and as the status message, because
// instrumentations put them in either place. The last test checks that every row of the table has a case.
import { describe, expect, it } from "vitest";
import { classifyFailure } from "@/lib/retro/classify-failure";
import { FAILURE_REFINEMENTS, FAILURE_SIGNALS } from "@/lib/retro/failure-signals";
import type { FailureMode, RetroKind, RetroSpan } from "@/lib/retro/types";

type Case = { provider: string; value: string; mode: FailureMode; kind?: RetroKind };
type Signals = Pick<RetroSpan, "statusMessage" | "attributes" | "events">;

const hit = new Set<string>();
function classify(signals: Partial<Signals>, kind: RetroKind = "llm") {
  const result = classifyFailure({ statusMessage: null, attributes: {}, events: [], ...signals }, kind);
  if (result.signalId) hit.add(result.signalId);
  if (result.refinementId) hit.add(result.refinementId);
  return result;
}
const exception = (type: string, message: string) => [{ name: "exception", attributes: { "exception.type": type, "exception.message": message } }];

const TYPES: Case[] = [
  { provider: "runtime", value: "AbortError", mode: "cancelled" },
  { provider: "openai", value: "openai.APITimeoutError", mode: "provider_timeout" },
  { provider: "runtime", value: "TimeoutError", mode: "provider_timeout" },
  { provider: "runtime", value: "asyncio.TimeoutError", kind: "tool", mode: "timeout" },
  { provider: "openai", value: "openai.RateLimitError", mode: "provider_rate_limit" },
  { provider: "openai", value: "insufficient_quota", mode: "budget_exceeded" },
  { provider: "openai", value: "context_length_exceeded", mode: "context_length_exceeded" },
  { provider: "azure-openai", value: "content_filter", mode: "content_filter" },
  { provider: "openai", value: "openai.LengthFinishReasonError", mode: "invalid_output" },
  { provider: "openai", value: "AuthenticationError", mode: "provider_auth_error" },
  { provider: "openai", value: "InternalServerError", mode: "provider_server_error" },
  { provider: "anthropic", value: "rate_limit_error", mode: "provider_rate_limit" },
  { provider: "anthropic", value: "overloaded_error", mode: "provider_server_error" },
  { provider: "anthropic", value: "authentication_error", mode: "provider_auth_error" },
  { provider: "anthropic", value: "billing_error", mode: "budget_exceeded" },
  { provider: "anthropic", value: "request_too_large", mode: "context_length_exceeded" },
  { provider: "anthropic", value: "timeout_error", mode: "provider_timeout" },
  { provider: "google", value: "google.api_core.exceptions.ResourceExhausted", mode: "provider_rate_limit" },
  { provider: "google", value: "DEADLINE_EXCEEDED", mode: "provider_timeout" },
  { provider: "google", value: "UNAVAILABLE", mode: "provider_server_error" },
  { provider: "google", value: "PERMISSION_DENIED", mode: "provider_auth_error" },
  { provider: "bedrock", value: "botocore.errorfactory.ThrottlingException", mode: "provider_rate_limit" },
  { provider: "bedrock", value: "ModelTimeoutException", mode: "provider_timeout" },
  { provider: "bedrock", value: "ServiceUnavailableException", mode: "provider_server_error" },
  { provider: "bedrock", value: "AccessDeniedException", mode: "provider_auth_error" },
  { provider: "langgraph", value: "langgraph.errors.GraphRecursionError", kind: "chain", mode: "max_iterations" },
  { provider: "langchain", value: "langchain_core.exceptions.OutputParserException", kind: "chain", mode: "invalid_output" },
  { provider: "langchain", value: "ToolException", kind: "tool", mode: "tool_error" },
  { provider: "openai-agents", value: "agents.exceptions.MaxTurnsExceeded", kind: "agent", mode: "max_iterations" },
  { provider: "openai-agents", value: "OutputGuardrailTripwireTriggered", kind: "agent", mode: "guardrail_blocked" },
  { provider: "openai-agents", value: "ModelBehaviorError", kind: "agent", mode: "invalid_output" },
  { provider: "openai-agents", value: "ToolCallError", kind: "agent", mode: "tool_error" },
  { provider: "vercel-ai", value: "AI_NoObjectGeneratedError", kind: "chain", mode: "invalid_output" },
  { provider: "vercel-ai", value: "AI_ToolExecutionError", kind: "tool", mode: "tool_error" },
  { provider: "vercel-ai", value: "AI_LoadAPIKeyError", mode: "provider_auth_error" },
  { provider: "litellm", value: "litellm.BudgetExceededError", mode: "budget_exceeded" },
  { provider: "litellm", value: "litellm.exceptions.ContextWindowExceededError", mode: "context_length_exceeded" },
  { provider: "litellm", value: "ContentPolicyViolationError", mode: "content_filter" },
  { provider: "runtime", value: "json.decoder.JSONDecodeError", kind: "chain", mode: "invalid_output" },
];

const MESSAGES: Case[] = [
  { provider: "openai", value: "Request timed out.", mode: "provider_timeout" },
  { provider: "runtime", value: "Command timed out after 30000 ms", kind: "tool", mode: "timeout" },
  { provider: "runtime", value: "This operation was aborted", kind: "agent", mode: "cancelled" },
  {
    provider: "openai",
    value: "Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.'}}",
    mode: "budget_exceeded",
  },
  { provider: "anthropic", value: "Your credit balance is too low to access the Anthropic API.", mode: "budget_exceeded" },
  { provider: "litellm", value: "Budget has been exceeded! Current cost: 10.52, Max budget: 10.0", kind: "chain", mode: "budget_exceeded" },
  {
    provider: "openai",
    value: "Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29000.",
    mode: "provider_rate_limit",
  },
  {
    provider: "anthropic",
    value:
      "Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}}",
    mode: "provider_rate_limit",
  },
  {
    provider: "google",
    value: "[GoogleGenerativeAI Error]: [429 Too Many Requests] Resource has been exhausted (e.g. check quota).",
    mode: "provider_rate_limit",
  },
  { provider: "bedrock", value: "Too many requests, please wait before trying again.", mode: "provider_rate_limit" },
  {
    provider: "openai",
    value: "This model's maximum context length is 128000 tokens. However, your messages resulted in 130532 tokens.",
    mode: "context_length_exceeded",
  },
  { provider: "anthropic", value: "prompt is too long: 210319 tokens > 200000 maximum", mode: "context_length_exceeded" },
  { provider: "google", value: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", mode: "context_length_exceeded" },
  { provider: "bedrock", value: "Input is too long for requested model.", mode: "context_length_exceeded" },
  {
    provider: "azure-openai",
    value: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    mode: "content_filter",
  },
  { provider: "google", value: "[GoogleGenerativeAI Error]: Candidate was blocked due to SAFETY", mode: "content_filter" },
  { provider: "anthropic", value: "Overloaded", mode: "provider_server_error" },
  { provider: "google", value: "504 DEADLINE_EXCEEDED. The request missed its deadline.", mode: "provider_timeout" },
  {
    provider: "google",
    value: "503 UNAVAILABLE. {'error': {'code': 503, 'message': 'The model is overloaded.', 'status': 'UNAVAILABLE'}}",
    mode: "provider_server_error",
  },
  {
    provider: "openai",
    value: "Incorrect API key provided: sk-abc***. You can find your API key at https://platform.openai.com/account/api-keys.",
    mode: "provider_auth_error",
  },
  { provider: "langgraph", value: "Recursion limit of 25 reached without hitting a stop condition.", kind: "chain", mode: "max_iterations" },
  { provider: "openai-agents", value: "Max turns (10) exceeded", kind: "agent", mode: "max_iterations" },
  { provider: "langchain", value: "Agent stopped due to iteration limit or time limit.", kind: "chain", mode: "max_iterations" },
  { provider: "openai-agents", value: "Guardrail InputGuardrail triggered tripwire", kind: "agent", mode: "guardrail_blocked" },
  { provider: "runtime", value: `Unexpected token 'H', "Here is the"... is not valid JSON`, kind: "chain", mode: "invalid_output" },
];

describe("failure classification by type (error.type and exception.type)", () => {
  it.each(TYPES)("$provider $value → $mode", ({ value, kind, mode }) => {
    expect(classify({ attributes: { "error.type": value } }, kind).mode).toBe(mode);
    expect(classify({ events: exception(value, "") }, kind).mode).toBe(mode);
  });
});

describe("failure classification by message (exception.message and status message)", () => {
  it.each(MESSAGES)("$provider: $value → $mode", ({ value, kind, mode }) => {
    expect(classify({ events: exception("Error", value) }, kind).mode).toBe(mode);
    expect(classify({ statusMessage: value }, kind).mode).toBe(mode);
  });
});

describe("failure classification by HTTP status, finish reason and approval", () => {
  it.each([
    [429, "provider_rate_limit"],
    [401, "provider_auth_error"],
    [402, "budget_exceeded"],
    [413, "context_length_exceeded"],
    [504, "provider_timeout"],
    [529, "provider_server_error"],
  ] as const)("HTTP %i on a model call → %s", (status, mode) => {
    expect(classify({ attributes: { "http.response.status_code": status } }).mode).toBe(mode);
  });

  it("reads a numeric error.type and the older http.status_code, and leaves a tool's HTTP errors to the tool", () => {
    expect(classify({ attributes: { "error.type": "429" } }).mode).toBe("provider_rate_limit");
    expect(classify({ attributes: { "http.status_code": "503" } }, "agent").mode).toBe("provider_server_error");
    expect(classify({ attributes: { "http.response.status_code": 500 } }, "tool").mode).toBe("tool_error");
  });

  it.each([
    ["openai", { "gen_ai.response.finish_reasons": ["content_filter"] }, "content_filter"],
    ["google", { "gen_ai.response.finish_reasons": '["SAFETY"]' }, "content_filter"],
    ["anthropic", { "ai.response.finishReason": "refusal" }, "content_filter"],
    ["bedrock", { "gen_ai.response.finish_reasons": ["content_filtered"] }, "content_filter"],
    ["bedrock", { "gen_ai.response.finish_reasons": ["guardrail_intervened"] }, "guardrail_blocked"],
    ["hindsight", { "hindsight.approval.decision": "rejected" }, "approval_rejected"],
    ["hindsight", { "hindsight.approval.decision": "timed_out" }, "timeout"],
  ] as const)("%s %j → %s", (_provider, attributes, mode) => {
    expect(classify({ attributes }, "llm").mode).toBe(mode);
  });
});

describe("failure classification order and fallbacks", () => {
  it("takes error.type before the exception and the exception before the status message", () => {
    expect(classify({ attributes: { "error.type": "GraphRecursionError" }, statusMessage: "Request timed out." }).mode).toBe("max_iterations");
    expect(classify({ events: exception("MaxTurnsExceeded", "Request timed out."), statusMessage: "rate_limit_error" }).mode).toBe("max_iterations");
  });

  it("passes a generic value on to the next source", () => {
    const result = classify({ attributes: { "error.type": "Error" }, events: exception("Error", "Rate limit reached for gpt-4o-mini") });
    expect(result).toMatchObject({ mode: "provider_rate_limit", message: "Rate limit reached for gpt-4o-mini" });
  });

  it("refines a rate limit that is an exhausted quota or spend limit into budget_exceeded", () => {
    const openai = exception("openai.RateLimitError", "Error code: 429 - {'error': {'code': 'insufficient_quota'}}");
    expect(classify({ events: openai })).toMatchObject({ mode: "budget_exceeded", refinementId: "quota-not-rate" });
    const anthropic = { "error.type": "rate_limit_error" };
    expect(classify({ attributes: anthropic, statusMessage: "error_code: enforced_spend_limit_reached" }).mode).toBe("budget_exceeded");
  });

  it("reads only the beginning of very long error texts (response bodies, stack traces)", () => {
    const body = "x".repeat(1_000_000);
    expect(classify({ statusMessage: `Rate limit reached for gpt-4o ${body}` }).mode).toBe("provider_rate_limit");
    expect(classify({ statusMessage: `${body} Rate limit reached for gpt-4o` }).mode).toBe("unknown_error");
  });

  it("falls back on the kind: tool_error for tools, guardrail_blocked for guardrails, else unknown_error", () => {
    expect(classify({ statusMessage: "KeyError: 'order_id'" }, "tool")).toMatchObject({ mode: "tool_error", signalId: null });
    expect(classify({ statusMessage: "blocked" }, "guardrail").mode).toBe("guardrail_blocked");
    expect(classify({ statusMessage: "something broke" }, "chain").mode).toBe("unknown_error");
    expect(classify({ attributes: { "error.type": { nested: true }, "http.response.status_code": "n/a" } }).mode).toBe("unknown_error");
  });
});

describe("the failure table", () => {
  it("has a case above for every row", () => {
    const rows = [...FAILURE_SIGNALS.map((s) => s.id), ...FAILURE_REFINEMENTS.map((r) => r.id)];
    expect(rows.filter((id) => !hit.has(id))).toEqual([]);
  });
});
