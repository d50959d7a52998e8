// Input and output of a span (sources in the order docs/frameworks.md lists them): chat messages for LLM calls, arguments and
// results for tools, the entity input/output for chains. JSON text is parsed; anything else stays text.
import { collectIndexed, firstValue, parseMaybeJson } from "./attribute-lookup";
import type { OtlpAttributes, OtlpEvent, OtlpValue } from "./otlp-types";

type Message = Record<string, unknown>;

/**
 * Text taken verbatim from a string attribute. The store keeps it as it came (JSON text or plain
 * text) instead of parsing and re-serialising a few KB per span; readers parse it when it is JSON.
 */
export class RawText {
  constructor(readonly text: string) {}
}

/** OpenInference `llm.input_messages.{i}.message.*` flattened attributes back into messages. */
function openInferenceMessages(attrs: OtlpAttributes, prefix: string): Message[] | undefined {
  const items = collectIndexed(attrs, prefix);
  if (items.length === 0) return undefined;
  return items.map((flat) => {
    const message: Message = {};
    const contents = collectIndexed(flat, "message.contents");
    const toolCalls = collectIndexed(flat, "message.tool_calls");
    for (const [key, value] of Object.entries(flat)) {
      if (key.startsWith("message.contents.") || key.startsWith("message.tool_calls.")) continue;
      message[key.replace(/^message\./, "")] = value;
    }
    const toOpenAiCall = (call: Record<string, OtlpValue>) => ({
      id: call["tool_call.id"],
      type: "function",
      function: { name: call["tool_call.function.name"], arguments: parseMaybeJson(call["tool_call.function.arguments"]) },
    });
    // The Anthropic instrumentation repeats each tool call as a content part (`message_content.type: tool_use`
    // with the `tool_call.*` keys): kept once, in tool_calls, and as a tool call part when it is only there.
    const listedIds = new Set(toolCalls.map((call) => call["tool_call.id"]));
    const parts = contents
      .filter((part) => !(part["tool_call.id"] !== undefined && listedIds.has(part["tool_call.id"])))
      .map((part) =>
        part["tool_call.function.name"] !== undefined
          ? { type: "tool_call", ...toOpenAiCall(part).function, id: part["tool_call.id"] }
          : { type: part["message_content.type"] ?? "text", text: part["message_content.text"] },
      );
    if (parts.length) message.content = parts;
    if (toolCalls.length) message.tool_calls = toolCalls.map(toOpenAiCall);
    return message;
  });
}

/** OpenLLMetry ≤0.22 `gen_ai.prompt.{i}.role|content` and `gen_ai.completion.{i}.*` (with tool_calls.{j}). */
function indexedPromptMessages(attrs: OtlpAttributes, prefix: string): Message[] | undefined {
  const items = collectIndexed(attrs, prefix);
  if (items.length === 0) return undefined;
  return items.map((flat) => {
    const message: Message = {};
    const toolCalls = collectIndexed(flat, "tool_calls");
    for (const [key, value] of Object.entries(flat)) if (!key.startsWith("tool_calls.")) message[key] = value;
    if (toolCalls.length) {
      message.tool_calls = toolCalls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: parseMaybeJson(call.arguments) },
      }));
    }
    return message;
  });
}

/** GenAI v1.26–1.27 span events carrying the prompt and completion as attributes. */
function eventContent(events: OtlpEvent[], eventName: string, attribute: string): unknown {
  const event = events.find((e) => e.name === eventName);
  return event ? parseMaybeJson(event.attributes[attribute]) : undefined;
}

function withSystemInstructions(attrs: OtlpAttributes, source: unknown): unknown {
  const instructions = parseMaybeJson(attrs["gen_ai.system_instructions"]);
  if (instructions === undefined || instructions === null) return source;
  const messages = source instanceof RawText ? parseMaybeJson(source.text) : source;
  if (!Array.isArray(messages)) return source;
  const parts = Array.isArray(instructions) ? instructions : [{ type: "text", content: instructions }];
  return [{ role: "system", parts }, ...(messages as unknown[])];
}

const parsed = (value: OtlpValue | undefined) => (value === undefined ? undefined : typeof value === "string" ? new RawText(value) : value);

/** The value as the API shows it: RawText parsed when it is JSON. */
const unwrap = (value: unknown) => (value instanceof RawText ? parseMaybeJson(value.text) : value);

/** The span's input as stored: RawText for verbatim attribute text, else a structured value; undefined when none. */
export function readInputSource(attrs: OtlpAttributes, events: OtlpEvent[]): unknown {
  return (
    parsed(firstValue(attrs, ["langfuse.observation.input"])) ??
    withSystemInstructions(attrs, parsed(firstValue(attrs, ["gen_ai.input.messages"]))) ??
    openInferenceMessages(attrs, "llm.input_messages") ??
    parsed(firstValue(attrs, ["input.value", "ai.prompt.messages", "ai.prompt"])) ??
    indexedPromptMessages(attrs, "gen_ai.prompt") ??
    eventContent(events, "gen_ai.content.prompt", "gen_ai.prompt") ??
    parsed(firstValue(attrs, ["gen_ai.tool.call.arguments", "ai.toolCall.args", "traceloop.entity.input", "ai.value", "ai.values"]))
  );
}

/** The span's output as stored (see readInputSource). */
export function readOutputSource(attrs: OtlpAttributes, events: OtlpEvent[]): unknown {
  return (
    parsed(firstValue(attrs, ["langfuse.observation.output", "gen_ai.output.messages"])) ??
    openInferenceMessages(attrs, "llm.output_messages") ??
    parsed(firstValue(attrs, ["output.value", "ai.response.text", "ai.response.toolCalls", "ai.response.object"])) ??
    indexedPromptMessages(attrs, "gen_ai.completion") ??
    eventContent(events, "gen_ai.content.completion", "gen_ai.completion") ??
    parsed(firstValue(attrs, ["gen_ai.tool.call.result", "ai.toolCall.result", "traceloop.entity.output", "ai.embedding", "ai.embeddings"]))
  );
}

/** The span's input, parsed, or undefined when it carries none. */
export const readInput = (attrs: OtlpAttributes, events: OtlpEvent[]) => unwrap(readInputSource(attrs, events));

/** The span's output, parsed, or undefined when it carries none. */
export const readOutput = (attrs: OtlpAttributes, events: OtlpEvent[]) => unwrap(readOutputSource(attrs, events));
