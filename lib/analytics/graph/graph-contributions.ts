// What a counted map item adds to the rollups. Pure.
//
// - `graph.edge`, one row per task (trace name), source and target: the item's edge from the agent above
//   it (or, with none, from the span's own agent name, else from nowhere: an entry into the pipeline).
//   Nodes are read from these rows as the sum of their incoming edges, so each item is counted once.
//   A call to an MCP server's tool adds a second row, the server → tool edge, which keeps the calling
//   agent (`via`) so the map of one agent shows only that agent's share of the server.
// - `graph.edge_all`, the same rows with the task left out (""): a map of every task reads one row per
//   edge and bucket instead of one per task, edge and bucket (a dozen tasks make it a dozen times fewer).
//   Kept by day only. Items do not add to it: RollupDeltas sums a commit's `graph.edge` deltas into it
//   (allTasksGroup), once per edge and day instead of once per item.
// - `span.mcp_server`: MCP tool calls per server, for the latency API's groupBy=mcp_server.
import type { Contribution, ItemFigures } from "../contributions";
import type { Resolved } from "./graph-items";
import type { NodeRef, NodeType } from "./graph-roles";

/** The decoded group of a `graph.edge` row: `from` is null for an entry (no agent above the item). */
export type EdgeGroup = { task: string; from: NodeRef | null; to: NodeRef; via?: string };

type GroupTuple = [task: string, fromType: NodeType | "", fromName: string, toType: NodeType, toName: string, toServer?: string, via?: string];

const NODE_TYPES: ReadonlySet<string> = new Set(["agent", "tool", "mcp_server", "model", "approval"]);

export function encodeEdgeGroup({ task, from, to, via }: EdgeGroup): string {
  const tuple: GroupTuple = [task, from?.type ?? "", from?.name ?? "", to.type, to.name];
  if (to.server !== undefined) tuple.push(to.server, via ?? "");
  return JSON.stringify(tuple);
}

/** A stored group back; null for text that is not one (never written by this version). */
export function decodeEdgeGroup(text: string): EdgeGroup | null {
  let tuple: unknown;
  try {
    tuple = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(tuple) || tuple.length < 5 || !tuple.every((v) => typeof v === "string")) return null;
  const [task, fromType, fromName, toType, toName, toServer, via] = tuple as GroupTuple;
  if (!NODE_TYPES.has(toType) || (fromType !== "" && !NODE_TYPES.has(fromType))) return null;
  const to: NodeRef = toServer !== undefined ? { type: toType, name: toName, server: toServer } : { type: toType, name: toName };
  const group: EdgeGroup = { task, from: fromType === "" ? null : { type: fromType, name: fromName }, to };
  if (via) group.via = via;
  return group;
}

/** The task-free group the same edge adds to (`graph.edge_all`). */
const ALL_TASKS = "";

/** The `graph.edge_all` group of a `graph.edge` group: the same edge with the task left out; null for text that is not one. */
export function allTasksGroup(group: string): string | null {
  const edge = decodeEdgeGroup(group);
  return edge === null ? null : encodeEdgeGroup({ ...edge, task: ALL_TASKS });
}

/** The contributions of the resolved items of one trace whose name (task) is `task`. */
export function graphContributions(task: string, resolved: readonly Resolved[]): Contribution[] {
  const out: Contribution[] = [];
  const edge = (group: Omit<EdgeGroup, "task">, item: ItemFigures) => {
    out.push({ dimension: "graph.edge", group: encodeEdgeGroup({ task, ...group }), item });
  };
  for (const { item, source } of resolved) {
    const figures: ItemFigures = {
      startMs: item.startMs,
      durationMs: item.durationMs,
      errorCount: item.error ? 1 : 0,
      llmCallCount: 0,
      toolCallCount: 0,
      costUsd: item.costUsd,
      inputTokens: 0,
      outputTokens: 0,
    };
    const agent = source ?? item.fallback;
    const from: NodeRef | null = agent === null ? null : { type: "agent", name: agent };
    edge({ from, to: item.target }, figures);
    if (item.tool !== undefined) {
      const server = item.target.name;
      const to: NodeRef = { type: "tool", name: item.tool, server };
      edge({ from: item.target, to, ...(agent !== null ? { via: agent } : {}) }, figures);
      out.push({ dimension: "span.mcp_server", group: server, item: figures });
    }
  }
  return out;
}
