// What is rolled up: the stored dimensions, the granularities and histograms each keeps, and how the
// API's groupBy values map onto them. Pure.
//
// Trace dimensions count whole traces (their start, duration, status and totals); span dimensions
// count single spans of one kind. Dimensions read only by the cost API (user, session, model) skip
// minute rows, and those never asked for percentiles skip the histogram: both keep ingest cheap.
import type { Bucket, Granularity } from "./buckets";

type DimensionSpec = { granularities: readonly Granularity[]; histogram: boolean };

export const DIMENSIONS = {
  "trace.name": { granularities: ["1m", "1h", "1d"], histogram: true },
  "trace.agent": { granularities: ["1m", "1h", "1d"], histogram: true },
  // Histogram kept for per-user latency (budgets and alerts of issue 4 work per user).
  "trace.user": { granularities: ["1h", "1d"], histogram: true },
  "trace.session": { granularities: ["1h", "1d"], histogram: false },
  /** Per model used in a trace: that model's calls, tokens and cost; `count` = traces using it. */
  "trace.model": { granularities: ["1h", "1d"], histogram: false },
  "span.tool": { granularities: ["1m", "1h", "1d"], histogram: true },
  "span.model": { granularities: ["1m", "1h", "1d"], histogram: true },
  "span.kind": { granularities: ["1m", "1h", "1d"], histogram: true },
  /** MCP tool calls per server, each call once (client and server spans joined): lib/analytics/graph. */
  "span.mcp_server": { granularities: ["1m", "1h", "1d"], histogram: true },
  /** The pipeline map's edges per task (lib/analytics/graph/graph-contributions.ts); read over days, so no minute rows. */
  "graph.edge": { granularities: ["1h", "1d"], histogram: true },
  /**
   * The same edges summed over every task (group task ""), by day only: a map without a task filter reads
   * these for its whole days and the per-task hour rows for the hours at either end.
   */
  "graph.edge_all": { granularities: ["1d"], histogram: true },
} as const satisfies Record<string, DimensionSpec>;

export type Dimension = keyof typeof DIMENSIONS;

export const LATENCY_GROUP_BY = ["name", "agent", "tool", "model", "kind", "mcp_server"] as const;
export type LatencyGroupBy = (typeof LATENCY_GROUP_BY)[number];
export const LATENCY_BUCKETS = ["1m", "5m", "1h", "1d"] as const satisfies readonly Bucket[];

export const COST_GROUP_BY = ["task", "agent", "model", "user", "session"] as const;
export type CostGroupBy = (typeof COST_GROUP_BY)[number];
export const COST_BUCKETS = ["1h", "1d"] as const satisfies readonly Bucket[];

/** As the API documents groupBy (lib/api/openapi/params.ts): name/agent group whole traces; tool, model and kind group spans of that kind. */
export const LATENCY_DIMENSION: Record<LatencyGroupBy, Dimension> = {
  name: "trace.name",
  agent: "trace.agent",
  tool: "span.tool",
  model: "span.model",
  kind: "span.kind",
  mcp_server: "span.mcp_server",
};

/** As the API documents groupBy: task is the trace name; model sums that model's LLM calls and counts distinct traces. */
export const COST_DIMENSION: Record<CostGroupBy, Dimension> = {
  task: "trace.name",
  agent: "trace.agent",
  model: "trace.model",
  user: "trace.user",
  session: "trace.session",
};

export const FINDINGS_GROUP_BY = ["type", "failureMode", "task", "agent", "tool"] as const;
export type FindingsGroupBy = (typeof FINDINGS_GROUP_BY)[number];
export const FINDINGS_BUCKETS = ["1h", "1d"] as const satisfies readonly Bucket[];
