// A trace's pipeline-map items, from its stored spans as they are now. Ingest resolves a trace before
// and after each commit and moves the rollups by the difference (graph-change.ts), so the map always
// equals the sum over the stored traces however their spans arrived: an item whose agent is not stored
// yet is credited to its own agent name (or none) until that ancestor comes and recounts the trace. Pure.
import type { Item, Resolved } from "./graph-items";
import { agentNameOf, handoffTarget, isAgentSpan, isMcpClientSpan, label, roleOf, type GraphSpan, type NodeRef } from "./graph-roles";

const nsToMs = (ns: bigint) => Number(ns / 1_000_000n);

export function itemOf(span: GraphSpan, target: NodeRef, tool?: string): Item {
  const item: Item = {
    spanId: span.spanId,
    startMs: nsToMs(span.startNs),
    durationMs: span.durationMs,
    error: span.status === "error",
    costUsd: span.costUsd ?? 0,
    target,
    fallback: isAgentSpan(span) || span.agentName === null ? null : label(span.agentName),
  };
  if (tool !== undefined) item.tool = tool;
  return item;
}

/** The nearest agent strictly above `from` (a parent id), null when none is stored above it. */
function agentAbove(byId: ReadonlyMap<string, GraphSpan>, from: string | null): string | null {
  const seen = new Set<string>();
  for (let at = from; at !== null && !seen.has(at);) {
    const span = byId.get(at);
    if (!span) return null;
    if (isAgentSpan(span)) return agentNameOf(span);
    seen.add(at);
    at = span.parentSpanId;
  }
  return null; // the root, or a parent cycle (malformed input)
}

/** A name as hand-off tools spell it: `transfer_to_refund_agent` reaches "Refund agent". */
export const handoffKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * Agents reached through a hand-off tool call (`transfer_to_*`, `handoff to *`): the agent the tool's caller
 * hands to, by its hand-off key. An agent run with no agent above it is credited to that caller.
 */
function handoffCallers(spans: readonly GraphSpan[], byId: ReadonlyMap<string, GraphSpan>): Map<string, string> {
  const callers = new Map<string, string>();
  for (const span of [...spans].sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0))) {
    if (span.kind !== "tool" || span.mcpServer !== null) continue;
    const target = handoffTarget(span.toolName ?? span.name);
    const caller = target === null ? null : agentAbove(byId, span.parentSpanId);
    if (target !== null && caller !== null && !callers.has(handoffKey(target))) callers.set(handoffKey(target), caller);
  }
  return callers;
}

export const isModelCall = (span: GraphSpan) => span.kind === "llm" || span.kind === "embedding";

/** Model-call spans with a model call below them: wrappers (ai.generateText around its doGenerate steps), not calls. */
function modelWrappers(spans: readonly GraphSpan[], byId: ReadonlyMap<string, GraphSpan>): Set<string> {
  const wrappers = new Set<string>();
  for (const span of spans) {
    if (!isModelCall(span)) continue;
    const seen = new Set<string>([span.spanId]);
    for (let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined; parent && !seen.has(parent.spanId);) {
      seen.add(parent.spanId);
      if (isModelCall(parent)) wrappers.add(parent.spanId);
      parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
    }
  }
  return wrappers;
}

/** Every counted item of the trace with the agent it is credited to. */
export function resolveTrace(spans: readonly GraphSpan[]): Resolved[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const handedBy = handoffCallers(spans, byId);
  const wrappers = modelWrappers(spans, byId);
  // MCP server-side spans name the server of a client span (their parent) that knows no name.
  const serverOfClient = new Map<string, string>();
  for (const span of spans) {
    const role = roleOf(span);
    if (role?.role === "mcp_server" && span.parentSpanId !== null && role.server && !serverOfClient.has(span.parentSpanId))
      serverOfClient.set(span.parentSpanId, role.server);
  }
  const out: Resolved[] = [];
  for (const span of spans) {
    const role = roleOf(span);
    if (role === null) continue;
    switch (role.role) {
      case "agent": {
        const item = itemOf(span, { type: "agent", name: role.name });
        const above = role.handoffFrom ?? agentAbove(byId, span.parentSpanId);
        const handedFrom = above === null ? handedBy.get(handoffKey(role.name)) : undefined;
        out.push({ item, source: above ?? (handedFrom !== undefined && handedFrom !== role.name ? handedFrom : null) });
        break;
      }
      case "call":
        if (wrappers.has(span.spanId)) break;
        out.push({ item: itemOf(span, role.target), source: agentAbove(byId, span.parentSpanId) });
        break;
      case "mcp_client": {
        const server = role.server || serverOfClient.get(span.spanId) || "(unnamed MCP server)";
        out.push({ item: itemOf(span, { type: "mcp_server", name: server }, role.tool), source: agentAbove(byId, span.parentSpanId) });
        break;
      }
      case "mcp_server": {
        // The same call seen from the server: the client span counts it when it is stored.
        const parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
        if (parent && isMcpClientSpan(parent)) break;
        out.push({
          item: itemOf(span, { type: "mcp_server", name: role.server || "(unnamed MCP server)" }, role.tool),
          source: agentAbove(byId, span.parentSpanId),
        });
        break;
      }
    }
  }
  return out;
}
