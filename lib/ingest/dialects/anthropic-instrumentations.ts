// Instrumentations of the Anthropic SDK: OpenInference's (`@arizeai/openinference-instrumentation-anthropic`)
// and OpenLLMetry's (`@traceloop/instrumentation-anthropic`). Both follow their conventions (OpenInference
// flattened messages, OTel GenAI 1.40 messages); what differs between them and across their versions is whether
// the input token count includes the cache, which cache-accounting.ts decides by scope and version. Their
// message shapes (OpenInference content parts carrying tool calls, tool results sent as user messages) are read
// by the generic OpenInference reader and the chat view.
import type { Dialect } from "./dialect";

export const OPENINFERENCE_ANTHROPIC: Dialect = {
  id: "openinference-anthropic",
  matches: ({ scope }) => scope.name === "@arizeai/openinference-instrumentation-anthropic",
};

export const OPENLLMETRY_ANTHROPIC: Dialect = {
  id: "openllmetry-anthropic",
  matches: ({ scope }) => scope.name === "@traceloop/instrumentation-anthropic",
};
