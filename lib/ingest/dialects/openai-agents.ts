// The OpenAI Agents SDK bridged by OpenInference (`@arizeai/openinference-instrumentation-openai-agents`).
// The bridge sends the SDK's trace (the workflow, named after `withTrace`/`workflowName`) as an AGENT span too;
// it is the run, not an agent, so it is read as a chain and the trace's agent is the first real one. Real
// agents carry `graph.node.id` (their name) and, when reached by a hand-off, `graph.node.parent_id` (the agent
// that handed off): both stay in the span's attributes for the pipeline map. Generation spans name the requested
// model; the response model is in output.value (the raw Chat Completions or Responses answer). The bridge sends
// neither the trace's group id nor its metadata, so there is no session or user to read.
import type { OtlpAttributes } from "../otlp-types";
import type { Dialect } from "./dialect";
import { jsonOf, textAt, textOf } from "./read";

const isWorkflow = (attrs: OtlpAttributes) => textOf(attrs, "openinference.span.kind") === "AGENT" && !textOf(attrs, "graph.node.id");

export const OPENAI_AGENTS: Dialect = {
  id: "openai-agents-openinference",
  matches: ({ scope }) => scope.name === "@arizeai/openinference-instrumentation-openai-agents",
  kind: ({ attrs }) => (isWorkflow(attrs) ? "chain" : undefined),
  identity({ attrs, name }, kind, generic) {
    if (kind === "agent") return { agentName: textOf(attrs, "graph.node.id") ?? generic.agentName ?? name };
    if (kind !== "llm") return {};
    const output = jsonOf(attrs, "output.value");
    return { model: textAt(output, [0, "model"]) ?? textAt(output, ["model"]) ?? generic.model };
  },
};
