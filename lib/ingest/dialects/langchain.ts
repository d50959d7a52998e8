// LangChain.js and LangGraph.js traced by OpenInference (`@arizeai/openinference-instrumentation-langchain`).
// What it sends beyond the OpenInference conventions, and how it is read:
// - `metadata` (JSON) holds the run's metadata: `ls_provider` is the provider (no llm.provider/llm.system is
//   sent), `user_id` the user (session_id/thread_id/conversation_id already become session.id), and LangGraph's
//   `langgraph_node` names the node a run belongs to.
// - Agents: every span is a CHAIN, LLM or TOOL. A LangGraph graph run at the top (metadata with no
//   `langgraph_node`) is an agent named after the graph, and so is a node whose AI messages carry the node's
//   name (what LangGraph's prebuilt agents, supervisors and swarms write into AIMessage.name).
// - Chat model spans: llm.model_name is the requested model; the response model, the tool call ids and the
//   parsed arguments are only in input.value/output.value, LangChain serialisation, which is read instead.
// - Tool spans: output.value is a serialised ToolMessage; its content is the result and its tool_call_id the
//   call id.
import { normaliseProvider } from "../normalise-identity";
import { RawText } from "../normalise-content";
import { fromLangChain, type PlainMessage } from "@/lib/trace/langchain-messages";
import type { Dialect, DialectSpan } from "./dialect";
import { isObject, jsonOf, objectOf, textAt, textOf } from "./read";

const metadataOf = (span: DialectSpan) => objectOf(span.attrs, "metadata") ?? {};
const spanKind = (span: DialectSpan) => textOf(span.attrs, "openinference.span.kind")?.toUpperCase();

function isAgent(span: DialectSpan): boolean {
  if (spanKind(span) !== "CHAIN") return false;
  const metadata = metadataOf(span);
  if (metadata.ls_integration === "langgraph" && metadata.langgraph_node === undefined && span.name !== "__start__") return true;
  if (metadata.langgraph_node !== span.name) return false;
  const output = fromLangChain(jsonOf(span.attrs, "output.value")) ?? [];
  return output.some((message) => message.role === "assistant" && message.name === span.name);
}

/** The serialised ToolMessage a tool span outputs, as a plain message. */
function toolMessage(span: DialectSpan): PlainMessage | null {
  const messages = fromLangChain(jsonOf(span.attrs, "output.value"));
  return messages?.length === 1 && messages[0]!.role === "tool" ? messages[0]! : null;
}

export const LANGCHAIN: Dialect = {
  id: "langchain-openinference",
  matches: ({ scope }) => scope.name === "@arizeai/openinference-instrumentation-langchain",
  kind: (span) => (isAgent(span) ? "agent" : undefined),
  identity(span, kind, generic) {
    const metadata = metadataOf(span);
    const provider = typeof metadata.ls_provider === "string" ? normaliseProvider(metadata.ls_provider) : null;
    const userId = typeof metadata.user_id === "string" ? metadata.user_id : typeof metadata.userId === "string" ? metadata.userId : null;
    const responseModel = () => textAt(jsonOf(span.attrs, "output.value"), ["generations", 0, 0, "message", "kwargs", "response_metadata", "model_name"]);
    return {
      ...(provider && !generic.provider ? { provider } : {}),
      ...(userId && !generic.userId ? { userId } : {}),
      ...(kind === "agent" ? { agentName: span.name } : {}),
      ...(kind === "llm" ? { model: responseModel() ?? generic.model } : {}),
      ...(kind === "tool" ? { toolCallId: toolMessage(span)?.tool_call_id ?? generic.toolCallId } : {}),
    };
  },
  input: (span, kind) => (kind === "llm" ? (fromLangChain(jsonOf(span.attrs, "input.value")) ?? undefined) : undefined),
  output(span, kind) {
    if (kind === "llm") return fromLangChain(jsonOf(span.attrs, "output.value")) ?? undefined;
    if (kind !== "tool") return undefined;
    const content = toolMessage(span)?.content;
    if (typeof content === "string") return new RawText(content);
    return isObject(content) || Array.isArray(content) ? content : undefined;
  },
};
