// How the pipeline map draws figures: edge width by volume, colour by error rate, node labels. Pure.
import type { NodeType } from "@/lib/analytics/graph/graph-roles";

export const MIN_EDGE_WIDTH = 1.5;
export const MAX_EDGE_WIDTH = 9;

/** Width by volume: square root, so one busy edge does not make the others hairlines. */
export function edgeWidth(count: number, maxCount: number): number {
  if (maxCount <= 0 || count <= 0) return MIN_EDGE_WIDTH;
  return MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * Math.sqrt(Math.min(1, count / maxCount));
}

export type ErrorLevel = "ok" | "some" | "many";

/** Error-rate bands: none, under 5 %, 5 % and more. */
export function errorLevel(errors: number, count: number): ErrorLevel {
  if (count <= 0 || errors <= 0) return "ok";
  return errors / count < 0.05 ? "some" : "many";
}

export const ERROR_COLOURS: Record<ErrorLevel, string> = { ok: "#64748b", some: "#d97706", many: "#dc2626" };

export const NODE_TYPE_LABELS: Record<NodeType, string> = {
  agent: "Agent",
  tool: "Tool",
  mcp_server: "MCP server",
  model: "Model",
  approval: "Approval",
};

export const NODE_TYPE_COLOURS: Record<NodeType, string> = {
  agent: "#4f46e5",
  tool: "#0891b2",
  mcp_server: "#7c3aed",
  model: "#059669",
  approval: "#c2410c",
};
