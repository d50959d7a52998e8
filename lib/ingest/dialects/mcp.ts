// MCP spans. Two shapes reach the receiver:
//
// - The OpenTelemetry MCP conventions (any library or our SDK's MCP helpers): client and server spans named
//   `{mcp.method.name} {target}` carrying `mcp.method.name`. A `tools/call` is a tool span named after
//   `gen_ai.tool.name` (else the span name's target); reading a resource is a retrieval; the other protocol
//   steps (initialize, tools/list, …) are chains. Which MCP server a span belongs to is read by
//   lib/ingest/normalise-graph.ts.
// - OpenLLMetry (`@traceloop/instrumentation-mcp`), which predates the conventions. Client requests are spans
//   named `<method>.mcp` (`initialize.mcp`, `tools/list.mcp`, …) with no kind attribute, and a tool call is a
//   `tool` span whose traceloop.entity.input wraps the arguments (`{"tool_name","arguments"}`) and whose
//   output wraps the result text (`{"result": "…"}`): both are unwrapped. It names no server, so its calls
//   are plain tool calls on the pipeline map.
import { RawText } from "../normalise-content";
import type { Kind } from "@/lib/trace/types";
import type { Dialect } from "./dialect";
import { isObject, jsonOf, textOf } from "./read";

const METHOD_KINDS: Record<string, Kind> = { "tools/call": "tool", "resources/read": "retriever" };
const methodOf = (name: string) => (name.endsWith(".mcp") ? name.slice(0, -".mcp".length) : null);

export const MCP_METHOD_NAME = "mcp.method.name";
export const MCP_TOOLS_CALL = "tools/call";

export const MCP_SEMCONV: Dialect = {
  id: "mcp",
  matches: ({ attrs }) => textOf(attrs, MCP_METHOD_NAME) !== null,
  kind: ({ attrs }) => METHOD_KINDS[textOf(attrs, MCP_METHOD_NAME)!] ?? "chain",
  identity({ attrs, name }, kind, generic) {
    if (kind !== "tool") return {};
    const target = name.startsWith(`${MCP_TOOLS_CALL} `) ? name.slice(MCP_TOOLS_CALL.length + 1) : null;
    return { toolName: textOf(attrs, "gen_ai.tool.name") ?? generic.toolName ?? target ?? name };
  },
};

export const MCP_OPENLLMETRY: Dialect = {
  id: "mcp-openllmetry",
  matches: ({ scope }) => scope.name === "@traceloop/instrumentation-mcp",
  kind({ name }) {
    const method = methodOf(name);
    return method === null ? undefined : (METHOD_KINDS[method] ?? "chain");
  },
  input({ attrs }, kind) {
    const input = jsonOf(attrs, "traceloop.entity.input");
    return kind === "tool" && isObject(input) && "arguments" in input ? input.arguments : undefined;
  },
  output({ attrs }, kind) {
    const output = jsonOf(attrs, "traceloop.entity.output");
    if (kind !== "tool" || !isObject(output) || !("result" in output)) return undefined;
    return typeof output.result === "string" ? new RawText(output.result) : output.result;
  },
};
