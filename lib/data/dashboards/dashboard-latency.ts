import "server-only";
// The latency dashboard: percentiles over time per task, agent, tool or model, and the slowest tools
// and models of the window. Everything is read from the ingest-time rollups, never from spans.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF, type Bucket } from "@/lib/analytics/buckets";
import { coverRange } from "@/lib/analytics/cover-range";
import { DIMENSIONS, LATENCY_BUCKETS, LATENCY_DIMENSION } from "@/lib/analytics/dimensions";
import type { LatencyPoint } from "@/lib/analytics/series";
import type { TimeSeriesData, TraceLinkFilter } from "@/lib/format/chart";
import { buildTracesHref } from "@/lib/format/traces-href";
import { getLatencySeries } from "@/lib/data/analytics/metrics-latency";
import { buildSeries, pickChartBucket, pivotTimeSeries, rankGroups, summariseLatency, type LatencySummary } from "@/lib/analytics/dashboard-shape";
import type { DashboardWindow } from "./dashboard-window";
import { getMcpToolServers } from "./mcp-tool-servers";
import { foldPendingRollups } from "@/lib/data/analytics/rollup-fold";

export const LATENCY_DASHBOARD_GROUPS = ["name", "agent", "tool", "model", "mcp_server"] as const;
export type LatencyDashboardGroup = (typeof LATENCY_DASHBOARD_GROUPS)[number];
export const PERCENTILES = ["p50", "p95", "p99"] as const;
export type Percentile = (typeof PERCENTILES)[number];

/** Lines on the comparison chart, and small charts below it. */
const OVERVIEW_GROUPS = 8;
const SMALL_MULTIPLES = 6;
const SLOWEST_ROWS = 8;
/** p50 calm, p95 warning, p99 alarming (and dashed, so the lines stay apart where they coincide). */
const PERCENTILE_COLORS = ["#10b981", "#f59e0b", "#f43f5e"] as const;

/** `mcpServers`: for a tool, the MCP servers that served it in the window (none: a local tool). */
export type SlowestRow = LatencySummary & { href: string; mcpServers?: string[] };
export type GroupLatency = { label: string; count: number; data: TimeSeriesData };

export type LatencyDashboard = {
  bucket: Bucket;
  /** Buckets shown (the window widened to whole buckets). */
  startMs: number;
  endMs: number;
  /** One line per group (the busiest ones) of the chosen percentile. */
  overview: TimeSeriesData;
  /** p50/p95/p99 of each of the busiest groups. */
  groups: GroupLatency[];
  groupCount: number;
  slowestTools: SlowestRow[];
  slowestModels: SlowestRow[];
};

// The trace list has no MCP server filter of its own: a server is a node of the pipeline map.
const filterOf =
  (groupBy: LatencyDashboardGroup) =>
  (group: string): TraceLinkFilter =>
    groupBy === "mcp_server" ? { graphNode: `mcp_server:${group}`, sort: "duration" } : { [groupBy]: group, sort: "duration" };
const valueOf: Record<Percentile, (p: LatencyPoint) => number> = { p50: (p) => p.p50Ms, p95: (p) => p.p95Ms, p99: (p) => p.p99Ms };

/** Everything the latency page shows for `window`, grouped by `groupBy`. */
export async function getLatencyDashboard(scope: ProjectScope, window: DashboardWindow, groupBy: LatencyDashboardGroup, percentile: Percentile): Promise<LatencyDashboard> {
  const bucket = pickChartBucket(window.fromMs, window.toMs, LATENCY_BUCKETS);
  const bucketMs = BUCKET_MS[bucket];
  const { startMs, endMs } = bucketSpan(window.fromMs, window.toMs, bucket);
  const [points, tools, models, mcpTools] = await Promise.all([
    getLatencySeries(scope, { fromMs: window.fromMs, toMs: window.toMs, bucket, groupBy }),
    getWindowLatency(scope, "tool", bucket, startMs, endMs),
    getWindowLatency(scope, "model", bucket, startMs, endMs),
    getMcpToolServers(scope, window.fromMs, window.toMs),
  ]);
  const ranked = rankGroups(points, (p) => p.count);
  const pivot = { startMs, endMs, bucketMs, empty: null };
  const overview = pivotTimeSeries(points, {
    ...pivot,
    series: buildSeries(ranked.slice(0, OVERVIEW_GROUPS), filterOf(groupBy)),
    seriesOf: (p) => p.group,
    value: valueOf[percentile],
  });
  const groups = ranked.slice(0, SMALL_MULTIPLES).map((group) => {
    const own = points.filter((p) => p.group === group);
    const series = buildSeries(PERCENTILES, () => filterOf(groupBy)(group)).map((s, i) => ({
      ...s,
      color: PERCENTILE_COLORS[i]!,
      isDashed: s.label === "p99",
    }));
    const cells = own.flatMap((p) => PERCENTILES.map((pct) => ({ bucketStart: p.bucketStart, pct, value: valueOf[pct](p) })));
    const data = pivotTimeSeries(cells, { ...pivot, series, seriesOf: (c) => c.pct, value: (c) => c.value });
    return { label: group, count: own.reduce((sum, p) => sum + p.count, 0), data };
  });
  const withHref = (key: "tool" | "model") => (row: LatencySummary) => ({
    ...row,
    href: buildTracesHref(window.tracesPath, { [key]: row.group, sort: "duration" }, window.fromMs, window.toMs),
  });
  return {
    bucket,
    startMs,
    endMs,
    overview,
    groups,
    groupCount: ranked.length,
    slowestTools: tools
      .slice(0, SLOWEST_ROWS)
      .map(withHref("tool"))
      .map((row) => (mcpTools.has(row.group) ? { ...row, mcpServers: mcpTools.get(row.group) } : row)),
    slowestModels: models.slice(0, SLOWEST_ROWS).map(withHref("model")),
  };
}

/**
 * Percentiles of each tool or model over the whole window: its rollup histograms merged, read from the
 * coarsest rows that fit (day rows for whole days), which merge to the same histogram as the finest.
 */
async function getWindowLatency(scope: ProjectScope, groupBy: "tool" | "model", bucket: Bucket, startMs: number, endMs: number): Promise<LatencySummary[]> {
  const dimension = LATENCY_DIMENSION[groupBy];
  const finest = GRANULARITY_MS[GRANULARITY_OF[bucket]];
  const allowed = DIMENSIONS[dimension].granularities.filter((g) => GRANULARITY_MS[g] >= finest);
  await foldPendingRollups(scope.projectId);
  const parts = await Promise.all(
    coverRange(startMs, endMs, allowed).map((part) =>
      getPrisma().metricRollup.findMany({
        where: {
          projectId: scope.projectId,
          dimension,
          granularity: part.granularity,
          bucketStartMs: { gte: BigInt(part.startMs), lt: BigInt(part.endMs) },
          count: { gt: 0 },
        },
        select: { groupKey: true, count: true, maxMs: true, bins: true },
      }),
    ),
  );
  return summariseLatency(parts.flat().map((r) => ({ group: r.groupKey, count: r.count, maxMs: r.maxMs, bins: r.bins })));
}
