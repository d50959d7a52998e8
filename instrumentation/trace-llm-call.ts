/**
 * `{operation} {model}` spans (usually `chat gpt-4o`) for one model request.
 * The callback returns what the model said in a small typed shape, so usage
 * and output are recorded in one place instead of scattered setAttribute calls.
 */
import { SpanKind } from "@opentelemetry/api";
import type { Attributes, Span } from "@opentelemetry/api";
import {
  GEN_AI_CONVERSATION_ID,
  GEN_AI_INPUT_MESSAGES,
  GEN_AI_OPERATION_NAME,
  GEN_AI_OUTPUT_MESSAGES,
  GEN_AI_PROVIDER_NAME,
  GEN_AI_REQUEST_MAX_TOKENS,
  GEN_AI_REQUEST_MODEL,
  GEN_AI_REQUEST_STREAM,
  GEN_AI_REQUEST_TEMPERATURE,
  GEN_AI_REQUEST_TOP_P,
  GEN_AI_RESPONSE_FINISH_REASONS,
  GEN_AI_RESPONSE_ID,
  GEN_AI_RESPONSE_MODEL,
  GEN_AI_SYSTEM_INSTRUCTIONS,
  GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  GEN_AI_USAGE_INPUT_TOKENS,
  GEN_AI_USAGE_OUTPUT_TOKENS,
  GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  OPERATION_CHAT,
} from "./attributes.js";
import { toInputMessages, toSystemInstructions } from "./messages.js";
import type { FinishReason, MessagePart, MessagesInput, OutputMessage } from "./messages.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { HindsightSpan, SpanTiming } from "./run-in-span.js";
import { serializeJson, shouldCaptureContent } from "./serialize.js";

export type LlmOperation = "chat" | "text_completion" | "generate_content";

export type LlmRequest = SpanTiming & {
  model: string;
  /** `gen_ai.provider.name`: openai, anthropic, gcp.gemini, aws.bedrock, … */
  provider: string;
  messages: MessagesInput;
  systemInstructions?: string | MessagePart[];
  operation?: LlmOperation;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stream?: boolean;
  conversationId?: string;
  attributes?: Attributes;
};

/**
 * Token counts as the OTel conventions define them: `inputTokens` INCLUDES
 * cached input (cache reads and writes are parts of it) and `outputTokens`
 * includes reasoning. Convert provider numbers that exclude the cache.
 */
export type TokenUsage = {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
  reasoningOutputTokens?: number;
};

/** What the traced call returns; extra fields (e.g. the raw SDK response) pass through untouched. */
export type LlmResponse = {
  outputMessages?: OutputMessage[];
  usage?: TokenUsage;
  /** The exact model that answered, e.g. a dated snapshot. */
  responseModel?: string;
  responseId?: string;
  /** Defaults to the `finish_reason` of each output message. */
  finishReasons?: FinishReason[];
};

function buildRequestAttributes(request: LlmRequest, operation: LlmOperation): Attributes {
  const attributes: Attributes = {
    [GEN_AI_OPERATION_NAME]: operation,
    [GEN_AI_PROVIDER_NAME]: request.provider,
    [GEN_AI_REQUEST_MODEL]: request.model,
    [GEN_AI_REQUEST_TEMPERATURE]: request.temperature,
    [GEN_AI_REQUEST_MAX_TOKENS]: request.maxTokens,
    [GEN_AI_REQUEST_TOP_P]: request.topP,
    [GEN_AI_REQUEST_STREAM]: request.stream,
    [GEN_AI_CONVERSATION_ID]: request.conversationId,
    ...request.attributes,
  };
  if (shouldCaptureContent()) {
    attributes[GEN_AI_INPUT_MESSAGES] = serializeJson(toInputMessages(request.messages));
    if (request.systemInstructions !== undefined) {
      attributes[GEN_AI_SYSTEM_INSTRUCTIONS] = serializeJson(toSystemInstructions(request.systemInstructions));
    }
  }
  return attributes;
}

/** Writes the response fields onto the span when the call succeeds. */
function recordLlmResponse(span: Span, response: LlmResponse): void {
  const { usage, outputMessages } = response;
  const finishReasons = response.finishReasons ?? outputMessages?.map((message) => message.finish_reason);
  span.setAttributes({
    [GEN_AI_RESPONSE_MODEL]: response.responseModel,
    [GEN_AI_RESPONSE_ID]: response.responseId,
    [GEN_AI_RESPONSE_FINISH_REASONS]: finishReasons && finishReasons.length > 0 ? finishReasons : undefined,
    [GEN_AI_USAGE_INPUT_TOKENS]: usage?.inputTokens,
    [GEN_AI_USAGE_OUTPUT_TOKENS]: usage?.outputTokens,
    [GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: usage?.cacheReadInputTokens,
    [GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: usage?.cacheCreationInputTokens,
    [GEN_AI_USAGE_REASONING_OUTPUT_TOKENS]: usage?.reasoningOutputTokens,
  });
  if (outputMessages && shouldCaptureContent()) {
    span.setAttribute(GEN_AI_OUTPUT_MESSAGES, serializeJson(outputMessages));
  }
}

/**
 * Traces one model request. `fn` performs the call and returns an
 * {@link LlmResponse} (plus anything else it likes, returned as-is); output
 * messages, usage and response model are recorded from it.
 *
 * @example
 * const reply = await traceLlmCall({ model: "gpt-4o", provider: "openai", messages: "Hi" }, async () => {
 *   const r = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
 *   return { raw: r, responseModel: r.model, usage: { inputTokens: r.usage!.prompt_tokens, outputTokens: r.usage!.completion_tokens } };
 * });
 */
export function traceLlmCall<R extends LlmResponse>(request: LlmRequest, fn: (call: HindsightSpan) => R | Promise<R>): Promise<R> {
  const operation = request.operation ?? OPERATION_CHAT;
  return runInSpan(
    {
      name: `${operation} ${request.model}`,
      // A model call leaves the process: CLIENT, as the conventions specify.
      kind: SpanKind.CLIENT,
      attributes: buildRequestAttributes(request, operation),
      startTime: request.startTime,
      clock: request.clock,
    },
    createHindsightSpan,
    fn,
    recordLlmResponse,
  );
}
