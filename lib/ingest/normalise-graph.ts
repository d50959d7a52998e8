// The two facts the pipeline map needs beyond the other columns (lib/analytics/graph/graph-roles.ts), read
// while attributes are at hand: a stored span carries them in `mcpServer` and `graphHint`. Pure.
//
// - MCP server identity, for spans following the MCP conventions (`mcp.method.name` set): `server.address`
//   with `server.port`, else the client's configured server name (`mcp.server.name`), else on the server
//   side the service's own name. A client span that names no server stores "": the map names it after the
//   server-side span of the same call when that one arrives.
// - `graphHint`: "approval:<action>" for a human approval (`hindsight.approval.decision`, whatever its kind),
//   "handoff:<agent>" for an agent span reached by a hand-off its instrumentation names
//   (OpenInference `graph.node.parent_id`).
import type { Kind } from "@/lib/trace/types";
import { approvalHint, handoffHint } from "@/lib/analytics/graph/graph-roles";
import { MCP_METHOD_NAME } from "./dialects/mcp";
import { textOf } from "./dialects/read";
import type { OtlpAttributes } from "./otlp-types";

const SPAN_KIND_SERVER = 2;

function portOf(attrs: OtlpAttributes): string | null {
  const port = attrs["server.port"];
  if (typeof port === "number" && Number.isInteger(port) && port > 0) return String(port);
  if (typeof port === "bigint" && port > 0n) return String(port);
  return typeof port === "string" && /^\d+$/.test(port) ? port : null;
}

/** The MCP server a span belongs to, "" when a client span names none; null for spans that are not MCP. */
export function readMcpServer(attrs: OtlpAttributes, spanKind: number, serviceName: string | null): string | null {
  if (textOf(attrs, MCP_METHOD_NAME) === null) return null;
  const address = textOf(attrs, "server.address");
  const port = address === null ? null : portOf(attrs);
  const named = address !== null ? (port !== null ? `${address}:${port}` : address) : textOf(attrs, "mcp.server.name");
  if (named !== null) return named;
  return spanKind === SPAN_KIND_SERVER ? (serviceName ?? "") : "";
}

export function readGraphHint(attrs: OtlpAttributes, kind: Kind, name: string): string | null {
  if (textOf(attrs, "hindsight.approval.decision") !== null) return approvalHint(textOf(attrs, "hindsight.approval.action") ?? name);
  if (kind !== "agent") return null;
  const from = textOf(attrs, "graph.node.parent_id");
  return from === null ? null : handoffHint(from);
}
