import "server-only";
// The path one trace took through the pipeline map: its spans resolved as ingest resolves them, giving
// the node and edge ids the map highlights. Reads one trace's spans (a trace page already does).
import { graphFacets, resolveSpans, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { Kind, Status } from "@/lib/trace/types";

export type TracePath = { nodes: string[]; edges: string[] };

export async function getTracePath(scope: ProjectScope, traceId: string): Promise<TracePath> {
  const rows = await getPrisma().span.findMany({
    where: { projectId: scope.projectId, traceId },
    select: {
      spanId: true,
      parentSpanId: true,
      name: true,
      kind: true,
      spanKind: true,
      serviceName: true,
      startNs: true,
      endNs: true,
      status: true,
      model: true,
      costUsd: true,
      toolName: true,
      agentName: true,
      mcpServer: true,
      graphHint: true,
    },
  });
  const spans: GraphSummarySpan[] = rows.map((r) => ({
    ...r,
    kind: r.kind as Kind,
    status: r.status as Status,
    inputTokens: null,
    outputTokens: null,
    costSource: null,
    sessionId: null,
    userId: null,
  }));
  const path: TracePath = { nodes: [], edges: [] };
  for (const [facet, value] of graphFacets(resolveSpans(spans))) (facet === "graph.node" ? path.nodes : path.edges).push(value);
  return path;
}
