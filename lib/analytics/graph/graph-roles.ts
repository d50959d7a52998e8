// What a span is in the pipeline map: an agent, a call to a tool, an MCP server's tool, a model or a
// human approval, or nothing of interest (chains, retrievers, protocol steps…). Decided from the span's
// own stored columns only, so ingest (new spans) and reads (stored spans) classify alike. Pure.
//
// - Agents are `agent` spans, named by their agent name (else the span name). One reached by a hand-off
//   that the instrumentation names (OpenInference `graph.node.parent_id`, kept as graphHint) says so.
// - Hand-off tool calls (`transfer_to_*`, `handoff to *`, `handoff_to_*`) are not tools: the hand-off
//   is drawn as the edge to the agent they reach.
// - MCP `tools/call` spans (mcpServer set) are calls to that server's tool. The client span is the call;
//   a server-side span is the same call seen from the server, so it counts only when no MCP client
//   span is its parent (an uninstrumented client), and it names a client that knows no server name.
// - Every llm and embedding span is a model call; approvals carry `hindsight.approval.*` (kind
//   `approval`, or graphHint "approval:<action>" where the kind is not known yet).

export const NODE_TYPES = ["agent", "tool", "mcp_server", "model", "approval"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** A node of the map: a tool of an MCP server has the server too (two servers may both have a `search`). */
export type NodeRef = { type: NodeType; name: string; server?: string };

/** The stored facts of one span that the map reads (a subset of the spans table's columns). */
export type GraphSpan = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  /** OTLP SpanKind: 2 is SERVER. */
  spanKind: number;
  serviceName: string | null;
  toolName: string | null;
  agentName: string | null;
  model: string | null;
  mcpServer: string | null;
  graphHint: string | null;
  startNs: bigint;
  durationMs: number;
  status: string;
  costUsd: number | null;
};

/** The parts of a span that decide how a walk up the tree goes through it. */
export type GraphAncestor = Pick<GraphSpan, "spanId" | "parentSpanId" | "name" | "kind" | "spanKind" | "agentName" | "mcpServer">;

export type SpanRole =
  | { role: "agent"; name: string; handoffFrom: string | null }
  | { role: "call"; target: NodeRef }
  | { role: "mcp_client"; server: string; tool: string }
  | { role: "mcp_server"; server: string; tool: string }
  | null;

const SERVER = 2;
const HANDOFF_TOOL = /^(transfer_to_|handoff[ _]to[ _])/i;
const APPROVAL_HINT = "approval:";
const HANDOFF_HINT = "handoff:";

/** PostgreSQL text cannot hold NUL (it stores U+FFFD instead): names are read alike from a new span and a stored one. */
export const label = (text: string) => (text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text);

export const agentNameOf = (span: Pick<GraphSpan, "agentName" | "name">) => label(span.agentName ?? span.name);
export const isAgentSpan = (span: Pick<GraphSpan, "kind">) => span.kind === "agent";
export const isMcpClientSpan = (span: Pick<GraphSpan, "kind" | "mcpServer" | "spanKind">) =>
  span.kind === "tool" && span.mcpServer !== null && span.spanKind !== SERVER;
export const isHandoffTool = (name: string) => HANDOFF_TOOL.test(name);
/** The agent a hand-off tool reaches (`transfer_to_refunds` → "refunds"), null for other tools. */
export function handoffTarget(toolName: string): string | null {
  const match = HANDOFF_TOOL.exec(toolName);
  return match ? toolName.slice(match[0].length) || null : null;
}

/** The approval's action from the kind or the hint; null when the span is no approval. */
function approvalAction(span: Pick<GraphSpan, "kind" | "graphHint" | "name">): string | null {
  if (span.graphHint?.startsWith(APPROVAL_HINT)) return label(span.graphHint.slice(APPROVAL_HINT.length) || span.name);
  return span.kind === "approval" ? label(span.name) : null;
}

export const approvalHint = (action: string) => `${APPROVAL_HINT}${action}`;
export const handoffHint = (fromAgent: string) => `${HANDOFF_HINT}${fromAgent}`;

export function roleOf(span: Omit<GraphSpan, "parentSpanId" | "startNs" | "durationMs" | "status" | "costUsd" | "spanId">): SpanRole {
  if (isAgentSpan(span)) {
    const handoffFrom = span.graphHint?.startsWith(HANDOFF_HINT) ? span.graphHint.slice(HANDOFF_HINT.length) : null;
    return { role: "agent", name: agentNameOf(span), handoffFrom: handoffFrom ? label(handoffFrom) : null };
  }
  const action = approvalAction(span);
  if (action !== null) return { role: "call", target: { type: "approval", name: action } };
  if (span.kind === "llm" || span.kind === "embedding") return { role: "call", target: { type: "model", name: label(span.model ?? "(unknown model)") } };
  if (span.kind !== "tool") return null;
  const tool = label(span.toolName ?? span.name);
  if (span.mcpServer !== null) {
    if (span.spanKind === SERVER) return { role: "mcp_server", server: label(span.mcpServer || (span.serviceName ?? "")), tool };
    return { role: "mcp_client", server: label(span.mcpServer), tool };
  }
  if (isHandoffTool(tool)) return null;
  return { role: "call", target: { type: "tool", name: tool } };
}

/** A node's id in the API: its type and name (and server for an MCP server's tool). Opaque to clients. */
export function nodeId(node: NodeRef): string {
  return node.server !== undefined ? `mcp_server:${node.server}/tool:${node.name}` : `${node.type}:${node.name}`;
}

export const edgeId = (from: NodeRef, to: NodeRef) => `${nodeId(from)}->${nodeId(to)}`;
