// MCP traced by OpenLLMetry (`@traceloop/instrumentation-mcp`). Client requests are spans named
// `<method>.mcp` (`initialize.mcp`, `tools/list.mcp`, …) with no kind attribute, and a tool call is a `tool`
// span whose traceloop.entity.input wraps the arguments (`{"tool_name","arguments"}`) and whose output wraps
// the result text (`{"result": "…"}`): both are unwrapped. Protocol steps are chains; reading a resource is a
// retrieval.
import { RawText } from "../normalise-content";
import type { Kind } from "@/lib/trace/types";
import type { Dialect } from "./dialect";
import { isObject, jsonOf } from "./read";

const METHOD_KINDS: Record<string, Kind> = { "tools/call": "tool", "resources/read": "retriever" };
const methodOf = (name: string) => (name.endsWith(".mcp") ? name.slice(0, -".mcp".length) : null);

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
