// What a step of a run IS, independent of its span id and of the model that served it: the diff aligns two
// runs by it, retries are recognised by it and baselines are chosen by it. The kind, plus the tool name for
// tools, the agent name for agents, the operation for LLM and embedding calls (`gen_ai.operation.name`, else
// the span name with the model removed, so `chat gpt-4o-mini` and `chat gpt-4o` are the same step), and
// the span name otherwise.
import type { RetroKind, RetroSpan } from "@/lib/retro/types";

export const MODEL_ATTRIBUTES = ["gen_ai.request.model", "gen_ai.response.model", "llm.model_name", "ai.model.id", "ai.response.model", "embedding.model_name"];

type SignatureSpan = Pick<RetroSpan, "name" | "toolName" | "agentName" | "model" | "attributes">;

/** The step signature of a span whose effective kind is `kind`. */
export function stepSignature(span: SignatureSpan, kind: RetroKind): string {
  switch (kind) {
    case "tool":
      return `tool:${span.toolName ?? span.name}`;
    case "agent":
      return `agent:${span.agentName ?? span.name}`;
    case "llm":
    case "embedding":
      return `${kind}:${operationOf(span)}`;
    default:
      return `${kind}:${span.name}`;
  }
}

function operationOf(span: SignatureSpan): string {
  const operation = span.attributes["gen_ai.operation.name"];
  if (typeof operation === "string" && operation.trim() !== "") return operation.trim();
  return nameWithoutModel(span);
}

/** The span name with every model name the span carries taken out (longest first), whitespace tidied. */
export function nameWithoutModel(span: SignatureSpan): string {
  const models = new Set<string>();
  if (span.model) models.add(span.model);
  for (const key of MODEL_ATTRIBUTES) {
    const value = span.attributes[key];
    if (typeof value === "string" && value !== "") models.add(value);
  }
  let name = span.name;
  for (const model of [...models].sort((a, b) => b.length - a.length)) name = name.split(model).join(" ");
  const tidy = name.replace(/\s+/g, " ").trim();
  return tidy === "" ? span.name : tidy;
}
