// The pipeline map's unit of account: one item per counted span (an agent run, a tool, MCP or model
// call, an approval), with the figures it adds to its edge, and the agent it is credited to. Pure.
import type { NodeRef } from "./graph-roles";

export type Item = {
  spanId: string;
  /** Start of the item's span, ms since the epoch: it picks the bucket. */
  startMs: number;
  durationMs: number;
  error: boolean;
  costUsd: number;
  /** The callee: an agent (a hand-off or an entry point), a tool, an MCP server, a model or an approval. */
  target: NodeRef;
  /** For a call to an MCP server: the server's tool (the server → tool edge). */
  tool?: string;
  /** The agent to credit when no agent span is above the span: the span's own agent name, if any. */
  fallback: string | null;
};

/** An item and the agent it is credited to (the nearest agent above its span), null for an entry point. */
export type Resolved = { item: Item; source: string | null };
