// LangChain's serialised messages (`{"lc":1,"type":"constructor","id":[…,"AIMessage"],"kwargs":{…}}`, as
// LangChain.js's `toJSON` writes them and OpenInference's LangChain instrumentation sends them in input.value /
// output.value) back into plain chat messages in the OpenAI shape: role, content, tool_calls (with their ids and
// parsed arguments), tool_call_id. Pure: the ingest dialect and the chat view both use it.

type Obj = Record<string, unknown>;

/** A message in the OpenAI chat shape, which the chat view already reads. */
export type PlainMessage = {
  role: string;
  content: unknown;
  name?: string;
  tool_calls?: { id: string | null; type: "function"; function: { name: string; arguments: unknown } }[];
  tool_call_id?: string;
};

const ROLE_BY_CLASS: Record<string, string> = {
  HumanMessage: "user",
  HumanMessageChunk: "user",
  AIMessage: "assistant",
  AIMessageChunk: "assistant",
  SystemMessage: "system",
  SystemMessageChunk: "system",
  ToolMessage: "tool",
  ToolMessageChunk: "tool",
  FunctionMessage: "tool",
  ChatMessage: "user",
};

const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/** True for one serialised LangChain message. */
export function isLangChainMessage(value: unknown): value is Obj {
  if (!isObject(value) || value.lc !== 1 || value.type !== "constructor" || !Array.isArray(value.id) || !isObject(value.kwargs)) return false;
  const className: unknown = (value.id as unknown[]).at(-1);
  return typeof className === "string" && className in ROLE_BY_CLASS;
}

function parseArguments(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Tool calls of an AIMessage: `kwargs.tool_calls` (parsed, with ids) or the provider's raw `additional_kwargs.tool_calls`. */
function toolCallsOf(kwargs: Obj): PlainMessage["tool_calls"] {
  const parsed = Array.isArray(kwargs.tool_calls) ? kwargs.tool_calls.filter(isObject) : [];
  if (parsed.length > 0) {
    return parsed.map((call) => ({
      id: typeof call.id === "string" ? call.id : null,
      type: "function" as const,
      function: { name: String(call.name ?? "tool"), arguments: call.args ?? {} },
    }));
  }
  const extra =
    isObject(kwargs.additional_kwargs) && Array.isArray(kwargs.additional_kwargs.tool_calls) ? kwargs.additional_kwargs.tool_calls.filter(isObject) : [];
  if (extra.length === 0) return undefined;
  return extra.map((call) => {
    const fn = isObject(call.function) ? call.function : {};
    return {
      id: typeof call.id === "string" ? call.id : null,
      type: "function" as const,
      function: { name: String(fn.name ?? "tool"), arguments: parseArguments(fn.arguments) },
    };
  });
}

/** One serialised message as a plain one (see isLangChainMessage). */
export function fromLangChainMessage(message: Obj): PlainMessage {
  const kwargs = message.kwargs as Obj;
  const className = (message.id as unknown[]).at(-1) as string;
  const role = className === "ChatMessage" && typeof kwargs.role === "string" ? kwargs.role : ROLE_BY_CLASS[className]!;
  const plain: PlainMessage = { role, content: kwargs.content ?? "" };
  if (typeof kwargs.name === "string" && kwargs.name) plain.name = kwargs.name;
  const toolCalls = role === "assistant" ? toolCallsOf(kwargs) : undefined;
  if (toolCalls) plain.tool_calls = toolCalls;
  if (role === "tool" && typeof kwargs.tool_call_id === "string") plain.tool_call_id = kwargs.tool_call_id;
  return plain;
}

/**
 * Serialised messages found in the usual LangChain envelopes, as plain messages; null when there are none:
 * a message, a list of them, `{messages: [...]}` (graph state), `{messages: [[...]]}` (a chat model's
 * input), `{generations: [[{message}]]}` (its output), `{output: message | [...]}` (a tool's or a prompt's).
 */
export function fromLangChain(value: unknown): PlainMessage[] | null {
  if (isLangChainMessage(value)) return [fromLangChainMessage(value)];
  if (Array.isArray(value)) {
    const flat = value.length === 1 && Array.isArray(value[0]) ? (value[0] as unknown[]) : value;
    return flat.length > 0 && flat.every(isLangChainMessage) ? flat.map(fromLangChainMessage) : null;
  }
  if (!isObject(value)) return null;
  if (Array.isArray(value.generations)) {
    const first = Array.isArray(value.generations[0]) ? (value.generations[0] as unknown[]) : value.generations;
    const messages = first.map((generation) => (isObject(generation) ? generation.message : undefined));
    return messages.length > 0 && messages.every(isLangChainMessage) ? messages.map(fromLangChainMessage) : null;
  }
  if ("messages" in value) return fromLangChain(value.messages);
  if ("output" in value && Object.keys(value).length === 1) return fromLangChain(value.output);
  return null;
}

/** True when a value holds LangChain serialisation anywhere at its top levels (what fromLangChain reads). */
export const hasLangChainMessages = (value: unknown): boolean => fromLangChain(value) !== null;
