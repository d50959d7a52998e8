// One part of a chat message: text, a tool call, a tool result or anything else (shown as data). Reads the
// part shapes of every convention the chat view meets: OTel GenAI parts (`text`, `reasoning`, `tool_call`,
// `tool_call_response`), OpenAI content parts and function calls, Anthropic content blocks (`tool_use`,
// `tool_result` with text blocks inside), Vercel AI SDK parts (`tool-call`, `tool-result` with its typed
// `output`, including a denied approval) and OpenInference content parts. Pure; everything stays text or data.

export type ToolResultStatus = "error" | "denied";

export type ChatPart =
  | { type: "text"; text: string }
  | { type: "tool_call"; id: string | null; name: string; arguments: unknown }
  | { type: "tool_result"; id: string | null; name: string | null; content: unknown; status?: ToolResultStatus }
  /** Anything else (images, audio, unknown part types): shown as JSON. */
  | { type: "data"; value: unknown };

type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
export const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Tool arguments and results often arrive as JSON text; show them parsed when they are. */
export function parseJsonText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

/** A result made of text blocks only (Anthropic, MCP) is its text, parsed when JSON; anything else unchanged. */
function unwrapTextBlocks(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return value;
  const texts = value.map((block) => (isObject(block) && block.type === "text" && typeof block.text === "string" ? block.text : null));
  return texts.every((t) => t !== null) ? parseJsonText(texts.join("")) : value;
}

/** A tool result's content and status from any of the shapes (Vercel's typed `output` included). */
export function toolResultContent(raw: unknown): { content: unknown; status?: ToolResultStatus } {
  const value = parseJsonText(raw);
  if (isObject(value) && typeof value.type === "string") {
    if (value.type === "execution-denied") return { content: typeof value.reason === "string" ? value.reason : "Denied", status: "denied" };
    if ((value.type === "error-text" || value.type === "error-json") && "value" in value) return { content: parseJsonText(value.value), status: "error" };
    if ((value.type === "json" || value.type === "text") && "value" in value) return { content: parseJsonText(value.value) };
    if (value.type === "content" && Array.isArray(value.value)) return { content: unwrapTextBlocks(value.value) };
  }
  if (isObject(value) && Array.isArray(value.content) && Object.keys(value).every((k) => k === "content" || k === "isError")) {
    return { content: unwrapTextBlocks(value.content), ...(value.isError === true ? { status: "error" as const } : {}) };
  }
  return { content: unwrapTextBlocks(value) };
}

export function toolResultPart(id: string | null, name: string | null, raw: unknown, isError = false): ChatPart {
  const { content, status } = toolResultContent(raw);
  const finalStatus = status ?? (isError ? "error" : undefined);
  return { type: "tool_result", id, name, content, ...(finalStatus ? { status: finalStatus } : {}) };
}

export function toOpenAiToolCall(raw: unknown): ChatPart {
  if (!isObject(raw)) return { type: "data", value: raw };
  const fn = isObject(raw.function) ? raw.function : raw;
  return { type: "tool_call", id: stringOrNull(raw.id), name: String(fn.name ?? "tool"), arguments: parseJsonText(fn.arguments) };
}

/** One part; null for a part that carries nothing (a tool call with no name, id or arguments). */
export function toPart(raw: unknown): ChatPart | null {
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
    case "function_call": {
      const name = raw.name ?? raw.toolName;
      const args = raw.arguments ?? raw.input ?? raw.args;
      if (name === undefined && id === null && args === undefined) return null;
      return { type: "tool_call", id, name: String(name ?? "tool"), arguments: parseJsonText(args) };
    }
    case "tool_call_response":
    case "tool_result":
    case "tool-result":
    case "function_call_output":
      return toolResultPart(id, stringOrNull(raw.name ?? raw.toolName), raw.response ?? raw.content ?? raw.result ?? raw.output, raw.is_error === true);
    default:
      return { type: "data", value: raw };
  }
}

/** Parts with the empty ones dropped and each tool call kept once (some senders list a call twice). */
export function dedupeParts(parts: (ChatPart | null)[]): ChatPart[] {
  const seen = new Set<string>();
  return parts.filter((part): part is ChatPart => {
    if (part === null) return false;
    if (part.type !== "tool_call" || part.id === null) return true;
    if (seen.has(part.id)) return false;
    seen.add(part.id);
    return true;
  });
}
