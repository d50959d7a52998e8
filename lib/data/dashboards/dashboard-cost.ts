import "server-only";
// The cost dashboard: cost per completed run of each task over time, the cost of failed runs (waste)
// beside it, cost by agent, model and user, token usage and the most expensive traces of the window.
//
// Totals come from the ingest-time rollups. They do not split cost by trace status, so the failed part
// is summed from the traces table: failed traces of the window only, through the (status, startNs) index.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { BUCKET_MS, bucketSpan, GRANULARITY_OF, type Bucket } from "@/lib/analytics/buckets";
import { COST_BUCKETS, COST_DIMENSION } from "@/lib/analytics/dimensions";
import { roundUsd } from "@/lib/pricing/round-usd";
import type { CostPoint } from "@/lib/analytics/series";
import { getSeriesColor, type RankedItem, type TimeSeriesData, type TraceLinkFilter } from "@/lib/format/chart";
import { buildTracesHref } from "@/lib/format/traces-href";
import type { TraceSummary } from "@/lib/trace/types";
import { getCostSeries } from "@/lib/data/analytics/metrics-cost";
import { rankCostGroups, type GroupCost } from "@/lib/data/analytics/cost-groups";
import { listTraces } from "@/lib/data/traces/traces";
import {
  buildSeries,
  pickChartBucket,
  pivotTimeSeries,
  rankGroups,
  splitCompleted,
  toWasteCells,
  wasteKey,
  type WasteCell,
  type WasteCellRow,
} from "@/lib/analytics/dashboard-shape";
import type { DashboardWindow } from "./dashboard-window";

const TASK_LINES = 8;
const RANKED_BARS = 10;
const TASK_ROWS = 20;
const TOP_TRACES = 10;

export type CostTotals = {
  runs: number;
  failedRuns: number;
  costUsd: number;
  wasteUsd: number;
  costPerCompletedRunUsd: number | null;
  inputTokens: number;
  outputTokens: number;
};
export type TaskCostRow = CostTotals & { name: string; href: string; wasteHref: string };

export type CostDashboard = {
  bucket: Bucket;
  totals: CostTotals;
  /** Cost per completed run, one line per task (the costliest ones). */
  costPerRun: TimeSeriesData;
  /** Spend per bucket: completed runs and failed runs (waste), stacked. */
  spend: TimeSeriesData;
  tokens: TimeSeriesData;
  tasks: TaskCostRow[];
  taskCount: number;
  byAgent: RankedItem[];
  byModel: RankedItem[];
  byUser: RankedItem[];
  topTraces: TraceSummary[];
};

/** Everything the cost page shows for `window`. */
export async function getCostDashboard(scope: ProjectScope, window: DashboardWindow): Promise<CostDashboard> {
  const bucket = pickChartBucket(window.fromMs, window.toMs, COST_BUCKETS);
  const bucketMs = BUCKET_MS[bucket];
  const { startMs, endMs } = bucketSpan(window.fromMs, window.toMs, bucket);
  const query = { fromMs: window.fromMs, toMs: window.toMs, bucket };
  // Agents, models and users are ranked bars: their totals come summed from the database, not as points.
  const ranked = (groupBy: "agent" | "model" | "user") =>
    rankCostGroups(scope, { dimension: COST_DIMENSION[groupBy], granularity: GRANULARITY_OF[bucket], startMs, endMs }, RANKED_BARS);
  const [tasks, agents, models, users, failed, top] = await Promise.all([
    getCostSeries(scope, { ...query, groupBy: "task" }),
    ranked("agent"),
    ranked("model"),
    ranked("user"),
    listWaste(scope, startMs, endMs, bucketMs),
    listTraces(scope, { filters: { from: new Date(window.fromMs), to: new Date(window.toMs) }, limit: TOP_TRACES, sort: "cost", order: "desc" }),
  ]);
  const waste = toWasteCells(failed);
  const wasteOf = (p: CostPoint) => waste.get(wasteKey(Date.parse(p.bucketStart), p.group));
  const pivot = { startMs, endMs, bucketMs };

  const lineTasks = rankGroups(tasks, (p) => p.costUsd, TASK_LINES);
  const costPerRun = pivotTimeSeries(tasks, {
    ...pivot,
    empty: null,
    series: buildSeries(lineTasks, (name) => ({ name, status: "ok", sort: "cost" })),
    seriesOf: (p) => p.group,
    value: (p) => {
      const { completedRuns, completedUsd } = splitCompleted(p, wasteOf(p));
      return completedRuns > 0 ? completedUsd / completedRuns : null;
    },
  });
  const spendSeries = [
    { key: "s0", label: "Completed runs", color: getSeriesColor(0), filter: { status: "ok", sort: "cost" } },
    { key: "s1", label: "Failed runs (waste)", color: "#f43f5e", filter: { status: "error", sort: "cost" } },
  ];
  const spendCells = tasks.flatMap((p) => [
    { bucketStart: p.bucketStart, label: spendSeries[0]!.label, value: splitCompleted(p, wasteOf(p)).completedUsd },
    { bucketStart: p.bucketStart, label: spendSeries[1]!.label, value: Math.min(p.costUsd, wasteOf(p)?.wasteUsd ?? 0) },
  ]);
  const spend = pivotTimeSeries(spendCells, { ...pivot, empty: 0, series: spendSeries, seriesOf: (c) => c.label, value: (c) => c.value });
  const tokenSeries = [
    { key: "s0", label: "Input tokens", color: getSeriesColor(3), filter: { sort: "cost" } },
    { key: "s1", label: "Output tokens", color: getSeriesColor(5), filter: { sort: "cost" } },
  ];
  const tokenCells = tasks.flatMap((p) => [
    { bucketStart: p.bucketStart, label: tokenSeries[0]!.label, value: p.inputTokens },
    { bucketStart: p.bucketStart, label: tokenSeries[1]!.label, value: p.outputTokens },
  ]);
  const tokens = pivotTimeSeries(tokenCells, { ...pivot, empty: 0, series: tokenSeries, seriesOf: (c) => c.label, value: (c) => c.value });

  const taskRows = summariseTasks(tasks, wasteOf).map((row) => ({
    ...row,
    href: buildTracesHref(window.tracesPath, { name: row.name, sort: "cost" }, window.fromMs, window.toMs),
    wasteHref: buildTracesHref(window.tracesPath, { name: row.name, status: "error", sort: "cost" }, window.fromMs, window.toMs),
  }));
  return {
    bucket,
    costPerRun,
    spend,
    tokens,
    totals: sumTotals(taskRows),
    tasks: taskRows.slice(0, TASK_ROWS),
    taskCount: taskRows.length,
    byAgent: rankCost(agents, (agent) => ({ agent, sort: "cost" })),
    byModel: rankCost(models, (model) => ({ model, sort: "cost" })),
    byUser: rankCost(users, (userId) => ({ userId, sort: "cost" })),
    topTraces: top.data,
  };
}

type WasteRow = { name: string; bucket: bigint | number; runs: bigint | number; wasteUsd: number | null };

/**
 * Failed runs and their cost per task and bucket of [startMs, endMs), summed in SQL. Buckets are
 * multiples of `bucketMs` since the epoch, like the rollups' (integer division in SQLite and
 * PostgreSQL alike); the (projectId, status, startNs) index bounds the scan to the window's failed traces.
 */
async function listWaste(scope: ProjectScope, startMs: number, endMs: number, bucketMs: number): Promise<WasteCellRow[]> {
  const bucketNs = BigInt(bucketMs) * 1_000_000n;
  const rows = await getPrisma().$queryRaw<WasteRow[]>`
    SELECT "name", "startNs" / ${bucketNs} AS "bucket", COUNT(*) AS "runs", SUM("costUsd") AS "wasteUsd"
    FROM "traces"
    WHERE "projectId" = ${scope.projectId} AND "status" = 'error' AND "startNs" >= ${BigInt(startMs) * 1_000_000n} AND "startNs" < ${BigInt(endMs) * 1_000_000n}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ name: r.name, bucketStartMs: Number(r.bucket) * bucketMs, failedRuns: Number(r.runs), wasteUsd: Number(r.wasteUsd ?? 0) }));
}

/** Per-task totals over the window, costliest first. */
function summariseTasks(points: readonly CostPoint[], wasteOf: (p: CostPoint) => WasteCell | undefined): (CostTotals & { name: string })[] {
  const byTask = new Map<string, CostTotals & { name: string }>();
  for (const p of points) {
    const row = byTask.get(p.group) ?? { name: p.group, ...emptyTotals() };
    const waste = wasteOf(p);
    row.runs += p.traces;
    row.failedRuns += Math.min(p.traces, waste?.failedRuns ?? 0);
    row.costUsd += p.costUsd;
    row.wasteUsd += Math.min(p.costUsd, waste?.wasteUsd ?? 0);
    row.inputTokens += p.inputTokens;
    row.outputTokens += p.outputTokens;
    byTask.set(p.group, row);
  }
  return [...byTask.values()].map(withCostPerRun).sort((a, b) => b.costUsd - a.costUsd || a.name.localeCompare(b.name));
}

function emptyTotals(): CostTotals {
  return { runs: 0, failedRuns: 0, costUsd: 0, wasteUsd: 0, costPerCompletedRunUsd: null, inputTokens: 0, outputTokens: 0 };
}

function withCostPerRun<T extends CostTotals>(row: T): T {
  const completed = row.runs - row.failedRuns;
  return { ...row, costPerCompletedRunUsd: completed > 0 ? Math.max(0, row.costUsd - row.wasteUsd) / completed : null };
}

function sumTotals(rows: readonly CostTotals[]): CostTotals {
  const total = emptyTotals();
  for (const row of rows) {
    total.runs += row.runs;
    total.failedRuns += row.failedRuns;
    total.costUsd += row.costUsd;
    total.wasteUsd += row.wasteUsd;
    total.inputTokens += row.inputTokens;
    total.outputTokens += row.outputTokens;
  }
  return withCostPerRun(total);
}

/** Ranked bars of the costliest groups, linked to their traces. */
function rankCost(groups: readonly GroupCost[], filterOf: (group: string) => TraceLinkFilter): RankedItem[] {
  return groups.map(({ group, costUsd, traces }) => ({
    label: group,
    value: roundUsd(costUsd),
    filter: filterOf(group),
    detail: `${traces.toLocaleString("en-US")} ${traces === 1 ? "trace" : "traces"}`,
  }));
}
