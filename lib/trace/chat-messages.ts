// Recognises the conversation shapes that spans carry in `input`/`output` and turns them into one model for
// the chat view. Anything unrecognised returns null, and the UI shows formatted JSON instead.
//
// Shapes: OTel GenAI messages `{ role, parts }`, OpenAI chat `{ role, content, tool_calls, tool_call_id }`,
// Anthropic content blocks, Vercel AI SDK parts and its bare tool-call lists (`ai.response.toolCalls`),
// LangChain serialised messages (`{"lc":1,"type":"constructor",…}`, in their graph-state, chat-model and tool
// envelopes), Mastra step results `{ text, toolCalls }`, chat-completion choices, `{ messages }` /
// `{ system, prompt }` wrappers and plain strings. Parts are read in chat-parts.ts.
// Text stays text: the UI renders every part as text, never as HTML.
import { fromLangChain } from "./langchain-messages";
import { dedupeParts, isObject, parseJsonText, stringOrNull, toOpenAiToolCall, toolResultPart, toPart, type ChatPart } from "./chat-parts";

export type { ChatPart } from "./chat-parts";
export type ChatMessage = { role: string; name: string | null; parts: ChatPart[]; finishReason: string | null };

type Obj = Record<string, unknown>;

/**
 * Normalises a span input or output into chat messages, or null when it is not a conversation.
 * A plain string becomes one message of `defaultRole` ("user" unless given; pass "assistant" for outputs).
 */
export function normaliseChatMessages(value: unknown, options: { defaultRole?: string } = {}): ChatMessage[] | null {
  const defaultRole = options.defaultRole ?? "user";
  if (typeof value === "string") return value.length > 0 ? [textMessage(defaultRole, value)] : null;
  const langChain = fromLangChain(value);
  if (langChain) return langChain.map((item) => toMessage(item as Obj, defaultRole));
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isBareToolCall)) return [toolCallsMessage(value as Obj[])];
    if (value.length === 0 || !value.every(isMessageLike)) return null;
    return value.map((item) => toMessage(item as Obj, defaultRole));
  }
  if (!isObject(value)) return null;
  if (Array.isArray(value.choices) && value.choices.length > 0 && value.choices.every(isMessageLike)) {
    return value.choices.map((item) => toMessage(item as Obj, "assistant"));
  }
  const system = typeof value.system === "string" && value.system.length > 0 ? [textMessage("system", value.system)] : [];
  if (Array.isArray(value.messages)) {
    const messages = normaliseChatMessages(value.messages, options);
    return messages ? [...system, ...messages] : null;
  }
  if (typeof value.prompt === "string" && Object.keys(value).every((k) => k === "prompt" || k === "system")) {
    return [...system, textMessage("user", value.prompt)];
  }
  if (isStepResult(value)) return [stepMessage(value)];
  if (isMessageLike(value)) return [toMessage(value, defaultRole)];
  return null;
}

function isMessageLike(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (typeof value.role === "string") return true;
  // A chat-completion choice, or an OTel `gen_ai.choice` event body.
  const message = value.message;
  return isObject(message) && ("content" in message || "tool_calls" in message || typeof message.role === "string");
}

/** A Vercel AI SDK tool call as `ai.response.toolCalls` lists them: no role, its arguments as JSON text. */
const isBareToolCall = (value: unknown) => isObject(value) && typeof value.toolCallId === "string" && typeof value.toolName === "string" && !("role" in value);

function toolCallsMessage(calls: Obj[]): ChatMessage {
  const parts = calls.map((call) => ({
    type: "tool_call" as const,
    id: call.toolCallId as string,
    name: call.toolName as string,
    arguments: parseJsonText(call.input ?? call.args),
  }));
  return { role: "assistant", name: null, parts, finishReason: null };
}

/** Mastra's model step result `{ text, toolCalls }` (and nothing a conversation would carry). */
const isStepResult = (value: Obj) => Array.isArray(value.toolCalls) && typeof value.text === "string" && !("role" in value);

function stepMessage(value: Obj): ChatMessage {
  const calls = (value.toolCalls as unknown[]).filter(isObject);
  const text = value.text as string;
  return { ...toolCallsMessage(calls), parts: [...(text ? [{ type: "text" as const, text }] : []), ...toolCallsMessage(calls).parts] };
}

function textMessage(role: string, text: string): ChatMessage {
  return { role, name: null, parts: [{ type: "text", text }], finishReason: null };
}

function toMessage(raw: Obj, defaultRole: string): ChatMessage {
  const isChoice = typeof raw.role !== "string" && isObject(raw.message);
  const source = isChoice ? (raw.message as Obj) : raw;
  const role = typeof source.role === "string" ? source.role : isChoice ? "assistant" : defaultRole;
  const finish = raw.finish_reason ?? raw.finishReason ?? source.finish_reason;
  const parts: (ChatPart | null)[] = [];
  const toolCallId = stringOrNull(source.tool_call_id ?? source.toolCallId);

  if (Array.isArray(source.parts)) parts.push(...source.parts.map(toPart));
  // A tool's answer: role "tool", or a user message answering a call (OpenInference's Anthropic messages).
  if (toolCallId !== null && (role === "tool" || (role === "user" && !Array.isArray(source.content)))) {
    parts.push(toolResultPart(toolCallId, role === "tool" ? stringOrNull(source.name) : null, source.content));
  } else if (typeof source.content === "string") {
    if (source.content.length > 0) parts.push({ type: "text", text: source.content });
  } else if (Array.isArray(source.content)) {
    parts.push(...source.content.map(toPart));
  } else if (source.content != null) {
    parts.push({ type: "data", value: source.content });
  }
  if (Array.isArray(source.tool_calls)) parts.push(...source.tool_calls.map(toOpenAiToolCall));
  if (isObject(source.function_call)) parts.push(toOpenAiToolCall({ function: source.function_call }));

  return {
    role,
    name: typeof source.name === "string" && role !== "tool" ? source.name : null,
    parts: dedupeParts(parts),
    finishReason: typeof finish === "string" ? finish : null,
  };
}
