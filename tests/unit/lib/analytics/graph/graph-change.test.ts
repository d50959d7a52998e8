import { describe, expect, it } from "vitest";
import { graphFacets, staleGraphFacets } from "@/lib/analytics/graph/graph-change";
import type { GraphSpan } from "@/lib/analytics/graph/graph-roles";
import { resolveTrace } from "@/lib/analytics/graph/resolve-trace";

let clock = 0n;
function span(spanId: string, parentSpanId: string | null, fields: Partial<GraphSpan>): GraphSpan {
  clock += 1_000_000n;
  return {
    spanId,
    parentSpanId,
    name: spanId,
    kind: "chain",
    spanKind: 1,
    serviceName: "svc",
    toolName: null,
    agentName: null,
    model: null,
    mcpServer: null,
    graphHint: null,
    startNs: clock,
    durationMs: 10,
    status: "ok",
    costUsd: null,
    ...fields,
  };
}

describe("staleGraphFacets", () => {
  const root = span("root", null, {});
  // The tool names its planner; its parent, the executor agent, arrives later.
  const tool = span("t", "b", { kind: "tool", toolName: "search", agentName: "planner" });
  const executor = span("b", "root", { kind: "agent", agentName: "executor" });

  it("lists the facets a late span took away, and only those", () => {
    const before = resolveTrace([root, tool]);
    const now = resolveTrace([root, tool, executor]);
    expect(graphFacets(before)).toContainEqual(["graph.edge", "agent:planner->tool:search"]);
    expect(staleGraphFacets(before, now)).toEqual([["graph.edge", "agent:planner->tool:search"]]);
    expect(graphFacets(now)).toContainEqual(["graph.edge", "agent:executor->tool:search"]);
  });

  it("is empty when the map only grew or did not change", () => {
    const before = resolveTrace([root, executor]);
    expect(staleGraphFacets(before, resolveTrace([root, executor, span("t2", "b", { kind: "tool", toolName: "search" })]))).toEqual([]);
    expect(staleGraphFacets(before, before)).toEqual([]);
    expect(staleGraphFacets([], before)).toEqual([]);
  });
});
