// Span kind from the rules docs/frameworks.md lists, first match wins.
import type { Kind } from "@/lib/trace/types";
import type { OtlpAttributes } from "./otlp-types";

const LANGFUSE: Record<string, Kind> = {
  generation: "llm",
  embedding: "embedding",
  agent: "agent",
  tool: "tool",
  chain: "chain",
  retriever: "retriever",
  guardrail: "guardrail",
  evaluator: "other",
};
const OPENINFERENCE: Record<string, Kind> = {
  LLM: "llm",
  EMBEDDING: "embedding",
  CHAIN: "chain",
  RETRIEVER: "retriever",
  RERANKER: "retriever",
  TOOL: "tool",
  AGENT: "agent",
  GUARDRAIL: "guardrail",
  EVALUATOR: "other",
  PROMPT: "chain",
};
const GENAI_OPERATION: Record<string, Kind> = {
  chat: "llm",
  text_completion: "llm",
  generate_content: "llm",
  completion: "llm",
  responses: "llm",
  embeddings: "embedding",
  embedding: "embedding",
  execute_tool: "tool",
  invoke_agent: "agent",
  create_agent: "agent",
  retrieval: "retriever",
  rerank: "retriever",
  invoke_workflow: "chain",
  agent_step: "chain",
  plan: "chain",
};
const TRACELOOP: Record<string, Kind> = { workflow: "chain", task: "chain", agent: "agent", tool: "tool", session: "chain" };
const MODEL_KEYS = [
  "gen_ai.request.model",
  "gen_ai.response.model",
  "llm.model_name",
  "llm.request.model_name",
  "llm.response.model_name",
  "ai.model.id",
  "ai.response.model",
  "embedding.model_name",
  "langfuse.observation.model.name",
];

const str = (attrs: OtlpAttributes, key: string) => (typeof attrs[key] === "string" ? attrs[key] : "");

/** Maps a span's attributes to one of Hindsight's kinds. */
export function detectKind(attrs: OtlpAttributes): Kind {
  // Langfuse's generic "span"/"event" types say nothing about the work, so later rules still apply.
  const langfuse = LANGFUSE[str(attrs, "langfuse.observation.type").toLowerCase()];
  if (langfuse) return langfuse;
  const openInference = OPENINFERENCE[str(attrs, "openinference.span.kind").toUpperCase()];
  if (openInference) return openInference;
  const operation = GENAI_OPERATION[str(attrs, "gen_ai.operation.name").toLowerCase()];
  if (operation) return operation;
  const traceloop = TRACELOOP[str(attrs, "traceloop.span.kind").toLowerCase()];
  if (traceloop) return traceloop;
  if (str(attrs, "llm.request.type")) return "llm";
  const operationId = str(attrs, "ai.operationId");
  if (operationId) {
    if (operationId.endsWith(".doGenerate") || operationId.endsWith(".doStream")) return "llm";
    if (operationId.endsWith(".doEmbed")) return "embedding";
    if (operationId === "ai.toolCall") return "tool";
    if (operationId.startsWith("ai.")) return "chain";
  }
  if (str(attrs, "gen_ai.tool.name")) return "tool";
  if (MODEL_KEYS.some((key) => str(attrs, key))) return "llm";
  return "other";
}
