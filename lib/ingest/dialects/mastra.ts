// Mastra's own OpenTelemetry exporter (`@mastra/otel-exporter`). Every span carries `mastra.span.type`, which
// decides the kind here (its gen_ai.operation.name values, `agent.run`, `model.step`, `model.chunk`, … in 0.x,
// are not GenAI's). What each version sends:
// - 0.3 (the newest on Node 20): input/output as `input`/`output`, the run's tracing metadata spread as bare
//   attributes (`sessionId`, `userId`), agents as `gen_ai.agent.id`/`agent.id`. A `model_generation` span is the
//   whole agentic loop with the summed usage of its `model_step` children; each step is one model call whose
//   usage, response model and messages are only in the raw provider request/response (`input.body`, `body`).
// - 1.x: `mastra.<type>.input|output`, metadata as `mastra.metadata.<key>`, GenAI messages on the model call.
// Session and user: the metadata's sessionId/userId, else Mastra memory's threadId/resourceId.
import type { Kind } from "@/lib/trace/types";
import { parseMaybeJson } from "../attribute-lookup";
import { RawText } from "../normalise-content";
import type { OtlpAttributes } from "../otlp-types";
import type { Dialect, DialectSpan } from "./dialect";
import { isObject, jsonOf, numberAt, objectOf, textAt, textOf, type Obj } from "./read";

const KIND_BY_TYPE: Record<string, Kind> = {
  agent_run: "agent",
  model_generation: "llm",
  model_inference: "llm",
  model_chunk: "chain",
  tool_call: "tool",
  mcp_tool_call: "tool",
  provider_tool_call: "tool",
  workflow_run: "chain",
  workflow_step: "chain",
  rag_embedding: "embedding",
};

const typeOf = (attrs: OtlpAttributes) => textOf(attrs, "mastra.span.type")?.toLowerCase() ?? "";
const first = (attrs: OtlpAttributes, keys: string[]) => keys.map((key) => textOf(attrs, key)).find((v) => v !== null) ?? null;
/** The raw provider response a 0.x step carries (JSON text in `body`). */
const responseBody = (attrs: OtlpAttributes) => objectOf(attrs, "body");
/** A 0.x step is the model call when it carries the provider's response; in 1.x the call is model_inference. */
const isModelCallStep = (attrs: OtlpAttributes) => typeOf(attrs) === "model_step" && responseBody(attrs) !== null;

/** The provider request's messages in a 0.x step's `input` (`{"body": "<request JSON>"}`). */
function requestMessages(attrs: OtlpAttributes): unknown {
  const input = jsonOf(attrs, "input");
  const body = isObject(input) ? parseMaybeJson(input.body) : undefined;
  return isObject(body) && Array.isArray(body.messages) ? body.messages : undefined;
}

/** A step's `{text, toolCalls}` output as one assistant message with its tool calls. */
function stepMessage(output: unknown): unknown {
  if (!isObject(output) || !Array.isArray(output.toolCalls)) return undefined;
  const calls = output.toolCalls.filter(isObject).map((call) => ({
    id: typeof call.toolCallId === "string" ? call.toolCallId : null,
    type: "function",
    function: { name: String(call.toolName ?? "tool"), arguments: call.args ?? call.input ?? {} },
  }));
  return [{ role: "assistant", content: typeof output.text === "string" ? output.text : "", ...(calls.length ? { tool_calls: calls } : {}) }];
}

/** Usage of an OpenAI-compatible or Anthropic response body. */
function bodyUsage(body: Obj) {
  const usage = body.usage;
  if (!isObject(usage)) return undefined;
  if (typeof usage.prompt_tokens === "number") {
    return {
      inputTokens: numberAt(usage, ["prompt_tokens"]),
      outputTokens: numberAt(usage, ["completion_tokens"]),
      cacheReadTokens: numberAt(usage, ["prompt_tokens_details", "cached_tokens"]),
      reasoningTokens: numberAt(usage, ["completion_tokens_details", "reasoning_tokens"]),
    };
  }
  const input = numberAt(usage, ["input_tokens"]);
  const read = numberAt(usage, ["cache_read_input_tokens"]);
  const write = numberAt(usage, ["cache_creation_input_tokens"]);
  return input === null
    ? undefined
    : { inputTokens: input + (read ?? 0) + (write ?? 0), outputTokens: numberAt(usage, ["output_tokens"]), cacheReadTokens: read, cacheWriteTokens: write };
}

const ioOf = (span: DialectSpan, which: "input" | "output") => {
  const raw = span.attrs[`mastra.${typeOf(span.attrs)}.${which}`] ?? span.attrs[which];
  return typeof raw === "string" ? raw : undefined;
};
/** `{"text": …}` results (agent runs, generations) as their text. */
const textResult = (raw: string | undefined) => {
  const parsed = raw === undefined ? undefined : parseMaybeJson(raw);
  return isObject(parsed) && typeof parsed.text === "string" ? parsed.text : raw === undefined ? undefined : new RawText(raw);
};

export const MASTRA: Dialect = {
  id: "mastra",
  matches: ({ attrs }) => typeof attrs["mastra.span.type"] === "string",
  kind: ({ attrs }) => (isModelCallStep(attrs) ? "llm" : KIND_BY_TYPE[typeOf(attrs)]),
  identity({ attrs }, kind, generic) {
    const metadata = (key: string) => first(attrs, [`mastra.metadata.${key}`, key]);
    const model = objectOf(attrs, "modelMetadata");
    return {
      sessionId: generic.sessionId ?? metadata("sessionId") ?? metadata("threadId"),
      userId: generic.userId ?? metadata("userId") ?? metadata("resourceId"),
      ...(kind === "agent" ? { agentName: first(attrs, ["gen_ai.agent.name", "gen_ai.agent.id", "agent.id"]) ?? generic.agentName } : {}),
      ...(isModelCallStep(attrs)
        ? { model: textOf(attrs, "modelId") ?? textAt(model, ["modelId"]), provider: generic.provider ?? textAt(model, ["modelProvider"]) }
        : {}),
    };
  },
  usage: ({ attrs }) => {
    const body = isModelCallStep(attrs) ? responseBody(attrs) : null;
    return body ? bodyUsage(body) : undefined;
  },
  input(span, kind) {
    if (isModelCallStep(span.attrs)) return requestMessages(span.attrs);
    const raw = ioOf(span, "input");
    return kind === "agent" || kind === "tool" || kind === "llm" || kind === "chain" ? (raw === undefined ? undefined : new RawText(raw)) : undefined;
  },
  output(span, kind) {
    if (isModelCallStep(span.attrs)) return stepMessage(jsonOf(span.attrs, "output"));
    const raw = ioOf(span, "output");
    if (kind === "agent" || (kind === "llm" && typeOf(span.attrs) === "model_generation")) return textResult(raw);
    return raw === undefined ? undefined : new RawText(raw);
  },
};
