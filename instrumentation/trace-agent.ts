/**
 * `invoke_agent {name}` spans: one per agent run. Sub-agents (handoffs) are
 * simply nested traceAgent calls, so the tree shows who delegated to whom.
 */
import { SpanKind } from "@opentelemetry/api";
import type { Attributes, Span } from "@opentelemetry/api";
import {
  GEN_AI_AGENT_DESCRIPTION,
  GEN_AI_AGENT_ID,
  GEN_AI_AGENT_NAME,
  GEN_AI_AGENT_VERSION,
  GEN_AI_CONVERSATION_ID,
  GEN_AI_INPUT_MESSAGES,
  GEN_AI_OPERATION_NAME,
  GEN_AI_OUTPUT_MESSAGES,
  GEN_AI_PROVIDER_NAME,
  GEN_AI_REQUEST_MODEL,
  OPERATION_INVOKE_AGENT,
} from "./attributes.js";
import { toInputMessages, toOutputMessages } from "./messages.js";
import type { MessagesInput, OutputMessage } from "./messages.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { Clock, HindsightSpan, SpanTiming } from "./run-in-span.js";
import { serializeJson, shouldCaptureContent } from "./serialize.js";

export type AgentOptions = SpanTiming & {
  id?: string;
  description?: string;
  version?: string;
  /** Provider and model the agent runs on, when it has a single one. */
  provider?: string;
  model?: string;
  conversationId?: string;
  /** What the agent was asked: a string is the user's message. */
  input?: MessagesInput;
  attributes?: Attributes;
};

export type AgentSpan = HindsightSpan & {
  /** Records the agent's final answer: a string is a completed assistant message. */
  setOutput(output: string | OutputMessage[]): void;
};

function createAgentSpan(span: Span, clock: Clock | undefined): AgentSpan {
  return {
    ...createHindsightSpan(span, clock),
    setOutput: (output) => {
      if (shouldCaptureContent()) span.setAttribute(GEN_AI_OUTPUT_MESSAGES, serializeJson(toOutputMessages(output)));
    },
  };
}

/**
 * Traces one agent run as `invoke_agent {name}`; LLM and tool calls made inside
 * `fn` (across awaits) become its children. Errors are recorded and re-thrown.
 */
export function traceAgent<R>(name: string, options: AgentOptions, fn: (agent: AgentSpan) => R | Promise<R>): Promise<R> {
  const attributes: Attributes = {
    [GEN_AI_OPERATION_NAME]: OPERATION_INVOKE_AGENT,
    [GEN_AI_AGENT_NAME]: name,
    [GEN_AI_AGENT_ID]: options.id,
    [GEN_AI_AGENT_DESCRIPTION]: options.description,
    [GEN_AI_AGENT_VERSION]: options.version,
    [GEN_AI_PROVIDER_NAME]: options.provider,
    [GEN_AI_REQUEST_MODEL]: options.model,
    [GEN_AI_CONVERSATION_ID]: options.conversationId,
    ...options.attributes,
  };
  if (options.input !== undefined && shouldCaptureContent()) {
    attributes[GEN_AI_INPUT_MESSAGES] = serializeJson(toInputMessages(options.input));
  }
  return runInSpan(
    // In-process agents are INTERNAL; the conventions reserve CLIENT for remote agent services.
    { name: `${OPERATION_INVOKE_AGENT} ${name}`, kind: SpanKind.INTERNAL, attributes, startTime: options.startTime, clock: options.clock },
    createAgentSpan,
    fn,
  );
}
