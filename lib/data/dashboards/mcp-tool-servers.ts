import "server-only";
// Which tools an MCP server served in a window, read from the pipeline map's day rollups (their server → tool
// edges), never from spans: the latency dashboard marks those tools as MCP-served.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { decodeEdgeGroup } from "@/lib/analytics/graph/graph-contributions";
import { foldPendingRollups } from "@/lib/data/analytics/rollup-fold";

const DAY_MS = 86_400_000;

/** Tool name → the MCP servers that served it in the days overlapping [fromMs, toMs), sorted. */
export async function getMcpToolServers(scope: ProjectScope, fromMs: number, toMs: number): Promise<Map<string, string[]>> {
  await foldPendingRollups(scope.projectId);
  const rows = await getPrisma().metricRollup.findMany({
    where: {
      projectId: scope.projectId,
      dimension: "graph.edge",
      granularity: "1d",
      bucketStartMs: { gte: BigInt(Math.floor(fromMs / DAY_MS) * DAY_MS), lt: BigInt(toMs) },
      count: { gt: 0 },
    },
    select: { groupKey: true },
    distinct: ["groupKey"],
  });
  const servers = new Map<string, Set<string>>();
  for (const { groupKey } of rows) {
    const group = decodeEdgeGroup(groupKey);
    if (group?.to.type !== "tool" || !group.to.server) continue;
    const set = servers.get(group.to.name) ?? new Set<string>();
    set.add(group.to.server);
    servers.set(group.to.name, set);
  }
  return new Map([...servers].map(([tool, set]) => [tool, [...set].sort()]));
}
