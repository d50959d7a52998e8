// Recognises the conversation shapes that LLM spans carry in `input`/`output` and turns them into one
// model for the chat view. Anything unrecognised returns null, and the UI shows formatted JSON instead.
//
// Shapes: OTel GenAI messages `{ role, parts: [{ type: "text" | "tool_call" | "tool_call_response" … }] }`,
// OpenAI chat `{ role, content, tool_calls, tool_call_id }`, Anthropic content blocks (`tool_use`,
// `tool_result`), Vercel AI SDK parts (`tool-call`, `tool-result`), chat-completion choices
// `{ message, finish_reason }`, `{ messages }` / `{ system, prompt }` wrappers and plain strings.
// Text stays text: the UI renders every part as text, never as HTML.

export type ChatPart =
  | { type: "text"; text: string }
  | { type: "tool_call"; id: string | null; name: string; arguments: unknown }
  | { type: "tool_result"; id: string | null; name: string | null; content: unknown }
  /** Anything else (images, audio, unknown part types): shown as JSON. */
  | { type: "data"; value: unknown };

export type ChatMessage = { role: string; name: string | null; parts: ChatPart[]; finishReason: string | null };

type Obj = Record<string, unknown>;

/**
 * Normalises a span input or output into chat messages, or null when it is not a conversation.
 * A plain string becomes one message of `defaultRole` ("user" unless given; pass "assistant" for outputs).
 */
export function normaliseChatMessages(value: unknown, options: { defaultRole?: string } = {}): ChatMessage[] | null {
  const defaultRole = options.defaultRole ?? "user";
  if (typeof value === "string") return value.length > 0 ? [textMessage(defaultRole, value)] : null;
  if (Array.isArray(value)) {
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
  if (isMessageLike(value)) return [toMessage(value, defaultRole)];
  return null;
}

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMessageLike(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (typeof value.role === "string") return true;
  // A chat-completion choice, or an OTel `gen_ai.choice` event body.
  const message = value.message;
  return isObject(message) && ("content" in message || "tool_calls" in message || typeof message.role === "string");
}

function textMessage(role: string, text: string): ChatMessage {
  return { role, name: null, parts: [{ type: "text", text }], finishReason: null };
}

function toMessage(raw: Obj, defaultRole: string): ChatMessage {
  const isChoice = typeof raw.role !== "string" && isObject(raw.message);
  const source = isChoice ? (raw.message as Obj) : raw;
  const role = typeof source.role === "string" ? source.role : isChoice ? "assistant" : defaultRole;
  const finish = raw.finish_reason ?? raw.finishReason ?? source.finish_reason;
  const parts: ChatPart[] = [];

  if (Array.isArray(source.parts)) parts.push(...source.parts.map(toPart));
  if (role === "tool" && (typeof source.tool_call_id === "string" || typeof source.toolCallId === "string")) {
    const id = (source.tool_call_id ?? source.toolCallId) as string;
    parts.push({ type: "tool_result", id, name: typeof source.name === "string" ? source.name : null, content: parseJsonText(source.content) });
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
    parts,
    finishReason: typeof finish === "string" ? finish : null,
  };
}

function toPart(raw: unknown): ChatPart {
  if (typeof raw === "string") return { type: "text", text: raw };
  if (!isObject(raw)) return { type: "data", value: raw };
  const id = stringOrNull(raw.id ?? raw.toolCallId ?? raw.tool_use_id ?? raw.tool_call_id);
  switch (raw.type) {
    case "text":
    case "input_text":
    case "output_text":
    case "reasoning":
    case "thinking": {
      const text = raw.content ?? raw.text ?? raw.thinking;
      return typeof text === "string" ? { type: "text", text } : { type: "data", value: raw };
    }
    case "tool_call":
    case "tool_use":
    case "tool-call":
    case "function_call":
      return { type: "tool_call", id, name: String(raw.name ?? raw.toolName ?? "tool"), arguments: parseJsonText(raw.arguments ?? raw.input ?? raw.args) };
    case "tool_call_response":
    case "tool_result":
    case "tool-result":
    case "function_call_output":
      return {
        type: "tool_result",
        id,
        name: stringOrNull(raw.name ?? raw.toolName),
        content: parseJsonText(raw.response ?? raw.content ?? raw.result ?? raw.output),
      };
    default:
      return { type: "data", value: raw };
  }
}

function toOpenAiToolCall(raw: unknown): ChatPart {
  if (!isObject(raw)) return { type: "data", value: raw };
  const fn = isObject(raw.function) ? raw.function : raw;
  return { type: "tool_call", id: stringOrNull(raw.id), name: String(fn.name ?? "tool"), arguments: parseJsonText(fn.arguments) };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Tool arguments and results often arrive as JSON text; show them parsed when they are. */
function parseJsonText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}
