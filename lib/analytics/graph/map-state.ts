// What the pipeline map keeps per trace between commits (map-step.ts explains how it is used). Pure.
import type { GraphSpan } from "./graph-roles";

/** A hand-off tool whose caller decides (or may still decide, while it waits for a parent) a hand-off. */
export type HandoffTool = { spanId: string; key: string; startNs: string; seq: number; caller: string | null };

export type MapState = {
  /** The task (trace name) the trace's items are counted under in the rollups. */
  task: string;
  /** How many of the trace's items give each facet (`facet\0value`): a facet goes when its count does. */
  facets: Record<string, number>;
  /** Missing spans with a model call in the stored subtree hanging below them (they are wrappers if model calls). */
  modelBelow: string[];
  /** Server named by the first MCP server-side child of a span that is missing or an MCP client without a server name. */
  servers: Record<string, string>;
  handoffs: HandoffTool[];
  /** Agent spans with no agent above them and no hand-off hint: credited to the caller of a hand-off tool to them. */
  handoffAgents: { spanId: string; key: string }[];
  /** Arrival counter: hand-off tools that start together are taken in arrival order. */
  seq: number;
};

/** A span's marks: the missing span its walk up to an agent waits for, and whether it is a model wrapper. */
export type MapMark = { spanId: string; anchorId: string | null; wrapper: boolean };

/** A stored span with its marks (none stored: no anchor, no wrapper). */
export type MarkedSpan = GraphSpan & { anchorId: string | null; wrapper: boolean };

export const emptyMapState = (task: string): MapState => ({ task, facets: {}, modelBelow: [], servers: {}, handoffs: [], handoffAgents: [], seq: 0 });

/** A stored state back; null for text that is not one (then the trace is resolved whole and the state rebuilt). */
export function parseMapState(text: string): MapState | null {
  try {
    const value = JSON.parse(text) as Partial<MapState> | null;
    if (!value || typeof value.task !== "string" || typeof value.facets !== "object" || !Array.isArray(value.handoffs)) return null;
    return { ...emptyMapState(value.task), ...value };
  } catch {
    return null;
  }
}

/** The facets a state counts, as [facet, value] pairs. */
export const stateFacets = (state: MapState): [string, string][] =>
  Object.keys(state.facets).map((key) => {
    const at = key.indexOf("\u0000");
    return [key.slice(0, at), key.slice(at + 1)];
  });
